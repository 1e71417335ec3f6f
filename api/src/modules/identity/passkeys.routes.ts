import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { Session } from './identity.schemas.ts';
import {
  PasskeyOptions,
  PasskeyRegisterVerify,
  PasskeyLoginOptionsRequest,
  PasskeyLoginVerify,
  PasskeyDto,
  PasskeyList,
  PasskeyParams,
  PasskeyRename,
} from './passkeys.schemas.ts';
import type { PasskeyService } from './passkeys.service.ts';
import { deviceHashOf, DeviceHeader } from './devices.ts';

const tags = ['Khoá truy cập (passkeys)'];

export function passkeyRoutes(s: PasskeyService): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/me/passkeys/options',
      tags,
      summary: 'Start adding a passkey to this account (WebAuthn creation options)',
      access: 'user',
      responses: { 200: { description: 'Options for navigator.credentials.create', schema: PasskeyOptions } },
      handler: ({ auth }) => s.registerOptions(auth.userId),
    }),
    route({
      method: 'post',
      path: '/me/passkeys',
      tags,
      summary: 'Finish adding a passkey (the attestation from the device)',
      access: 'user',
      body: PasskeyRegisterVerify,
      responses: {
        201: { description: 'Passkey added', schema: PasskeyDto },
        400: { description: 'Expired challenge or invalid response', schema: Problem },
      },
      handler: ({ auth, body, actor }) => s.registerVerify(auth.userId, body, actor),
    }),
    route({
      method: 'get',
      path: '/me/passkeys',
      tags,
      summary: "This account's passkeys",
      access: 'user',
      responses: { 200: { description: 'Passkeys', schema: PasskeyList } },
      handler: ({ auth }) => s.list(auth.userId),
    }),
    route({
      method: 'patch',
      path: '/me/passkeys/{id}',
      tags,
      summary: 'Rename a passkey',
      access: 'user',
      params: PasskeyParams,
      body: PasskeyRename,
      responses: {
        200: { description: 'Renamed', schema: PasskeyDto },
        404: { description: 'Not found', schema: Problem },
      },
      handler: ({ auth, params, body }) => s.rename(auth.userId, params.id, body.name),
    }),
    route({
      method: 'delete',
      path: '/me/passkeys/{id}',
      tags,
      summary: 'Remove a passkey',
      access: 'user',
      params: PasskeyParams,
      responses: { 204: { description: 'Removed' }, 404: { description: 'Not found', schema: Problem } },
      handler: ({ auth, params, actor }) => s.remove(auth.userId, params.id, actor),
    }),
    route({
      method: 'post',
      path: '/auth/passkeys/options',
      tags,
      summary: 'Start signing in with a passkey (WebAuthn request options)',
      access: 'public',
      limit: 'auth',
      body: PasskeyLoginOptionsRequest,
      responses: { 200: { description: 'Options for navigator.credentials.get', schema: PasskeyOptions } },
      handler: ({ body }) => s.loginOptions(body.phone),
    }),
    route({
      method: 'post',
      path: '/auth/passkeys/login',
      headers: DeviceHeader,
      tags,
      summary: 'Finish signing in with a passkey (the assertion from the device)',
      access: 'public',
      limit: 'auth',
      body: PasskeyLoginVerify,
      responses: {
        200: { description: 'Signed in', schema: Session },
        400: { description: 'Expired challenge', schema: Problem },
        401: { description: 'The passkey could not be verified', schema: Problem },
      },
      handler: ({ body, actor, req }) => s.loginVerify(body, actor, deviceHashOf(req)),
    }),
  ];
}
