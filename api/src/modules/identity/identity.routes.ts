import { route, type RouteSpec } from '../../platform/route.ts';
import {
  OtpRequest,
  OtpSent,
  RegisterRequest,
  LoginRequest,
  RefreshRequest,
  PasswordResetRequest,
  PasswordChangeRequest,
  Session,
  Me,
  MeUpdate,
} from './identity.schemas.ts';
import type { IdentityService } from './identity.service.ts';
import type { OtpService } from './otp.service.ts';
import { Problem } from '../../platform/openapi.ts';
import { deviceHashOf, DeviceHeader } from './devices.ts';

const tags = ['Tài khoản (identity)'];

export function identityRoutes(s: { identity: IdentityService; otp: OtpService }): RouteSpec[] {
  return [
    route({
      method: 'post',
      path: '/auth/otp',
      tags,
      summary: 'Send a 6-digit one-time code by SMS',
      description:
        'Valid 5 minutes, 5 tries; a new code no sooner than 60 s; per-phone and per-IP limits. For login/reset to an unknown number the answer is the same but nothing is sent.',
      access: 'public',
      limit: 'auth',
      body: OtpRequest,
      responses: {
        202: { description: 'Code sent', schema: OtpSent },
        409: { description: 'Phone already registered', schema: Problem },
        429: { description: 'Too soon or too many', schema: Problem },
      },
      handler: ({ body, actor }) => s.otp.request(body.phone, body.purpose, actor.ip),
    }),
    route({
      method: 'post',
      path: '/auth/register',
      headers: DeviceHeader,
      tags,
      summary: 'Create a citizen account with the code received by SMS',
      access: 'public',
      limit: 'auth',
      body: RegisterRequest,
      responses: {
        201: { description: 'Account created and signed in', schema: Session },
        400: { description: 'Invalid data or code', schema: Problem },
        409: { description: 'Phone already registered', schema: Problem },
      },
      handler: ({ body, actor, req }) => s.identity.register(body, actor, deviceHashOf(req)),
    }),
    route({
      method: 'post',
      path: '/auth/login',
      headers: DeviceHeader,
      tags,
      summary: 'Sign in with phone and password (or a login code)',
      description:
        'Send the app’s device id in `x-device-id`. On a phone the account has not used before, the password alone answers 401 `new_device_otp_required` with `resendAfter` (seconds) and `codeSent` (a code was texted; `false` when the number’s hourly quota of codes is spent and nothing went out); then send password and `otp` together. A level-2 account then answers 401 `new_device_selfie_required` with a `ticket` for `POST /api/v1/auth/device-selfie`.',
      access: 'public',
      limit: 'auth',
      body: LoginRequest,
      responses: {
        200: { description: 'Signed in', schema: Session },
        401: { description: 'Wrong credentials', schema: Problem },
        403: { description: 'Account disabled', schema: Problem },
        429: { description: 'Account locked after repeated failures', schema: Problem },
      },
      handler: ({ body, actor, req }) => s.identity.login(body, actor, deviceHashOf(req)),
    }),
    route({
      method: 'post',
      path: '/auth/refresh',
      tags,
      summary: 'Exchange a refresh token for a new pair (rotation; a reused token ends its whole session)',
      access: 'public',
      limit: 'auth',
      body: RefreshRequest,
      responses: {
        200: { description: 'New tokens', schema: Session },
        401: { description: 'Invalid, expired, revoked or reused', schema: Problem },
      },
      handler: ({ body, actor }) => s.identity.refresh(body.refreshToken, actor),
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      tags,
      summary: 'End the session of this refresh token',
      access: 'public',
      body: RefreshRequest,
      responses: { 204: { description: 'Signed out' } },
      handler: ({ body }) => s.identity.logout(body.refreshToken),
    }),
    route({
      method: 'post',
      path: '/auth/password-reset',
      tags,
      summary: 'Set a new password with a reset code; ends every session',
      access: 'public',
      limit: 'auth',
      body: PasswordResetRequest,
      responses: {
        204: { description: 'Password changed' },
        400: { description: 'Invalid data or code', schema: Problem },
      },
      handler: ({ body, actor }) => s.identity.resetPassword(body, actor),
    }),
    route({
      method: 'get',
      path: '/me',
      tags,
      summary: 'The signed-in account: profile, roles, permissions, identity level',
      access: 'user',
      responses: {
        200: { description: 'Profile', schema: Me },
        401: { description: 'Not signed in', schema: Problem },
      },
      handler: ({ auth }) => s.identity.me(auth.userId),
    }),
    route({
      method: 'patch',
      path: '/me',
      tags,
      summary: 'Update the profile',
      access: 'user',
      body: MeUpdate,
      responses: {
        200: { description: 'Profile', schema: Me },
        400: { description: 'Invalid', schema: Problem },
      },
      handler: ({ auth, body }) => s.identity.updateMe(auth.userId, body),
    }),
    route({
      method: 'post',
      path: '/me/password',
      tags,
      summary: 'Change the password; other sessions end',
      access: 'user',
      limit: 'auth',
      body: PasswordChangeRequest,
      responses: {
        204: { description: 'Changed' },
        401: { description: 'Wrong current password', schema: Problem },
      },
      handler: ({ auth, body, actor }) =>
        s.identity.changePassword(auth.userId, auth.sessionId, body.currentPassword, body.newPassword, actor),
    }),
  ];
}
