import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import { ActiveSessionList, SessionIdParams, SessionsEnded } from './sessions.schemas.ts';
import type { SessionService } from './sessions.service.ts';

const tags = ['Tài khoản (identity)'];

/** Where the signed-in person is signed in, and signing out of any of it. */
export function sessionRoutes(sessions: SessionService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/me/sessions',
      tags,
      summary: 'My signed-in devices (live sessions), the most recently active first',
      access: 'user',
      responses: { 200: { description: 'Live sessions; `current` is this one', schema: ActiveSessionList } },
      handler: ({ auth }) => sessions.list(auth.userId, auth.sessionId),
    }),
    route({
      method: 'delete',
      path: '/me/sessions/{id}',
      tags,
      summary:
        'Sign out one of my sessions; its access stops at once (ending the current one signs out here)',
      access: 'user',
      params: SessionIdParams,
      responses: {
        204: { description: 'Signed out' },
        404: { description: 'No such live session of mine', schema: Problem },
      },
      handler: ({ auth, params, actor }) => sessions.revoke(auth.userId, params.id, actor),
    }),
    route({
      method: 'post',
      path: '/me/sessions/end-others',
      tags,
      summary: 'Sign out everywhere except this session',
      access: 'user',
      responses: { 200: { description: 'How many were signed out', schema: SessionsEnded } },
      handler: ({ auth, actor }) => sessions.revokeOthers(auth.userId, auth.sessionId, actor),
    }),
  ];
}
