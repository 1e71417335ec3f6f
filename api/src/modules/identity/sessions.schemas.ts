import { z } from '../../platform/zod.ts';

export const ActiveSession = z
  .object({
    id: z.string().uuid(),
    current: z.boolean().describe('The session this request was made with'),
    startedAt: z.string().datetime().describe('When the person signed in'),
    lastActiveAt: z.string().datetime().describe('The last time the app renewed its access'),
    expiresAt: z.string().datetime().describe('When it ends unless used again'),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    device: z.object({
      browser: z.string().nullable().openapi({ example: 'Chrome 120' }),
      os: z.string().nullable().openapi({ example: 'Android 10' }),
      type: z.enum(['mobile', 'tablet', 'desktop', 'unknown']),
    }),
  })
  .openapi('ActiveSession');

export const ActiveSessionList = z.object({ items: z.array(ActiveSession) }).openapi('ActiveSessionList');

export const SessionIdParams = z.strictObject({ id: z.string().uuid() });

export const SessionsEnded = z
  .object({ ended: z.number().int().min(0).describe('How many sessions were signed out') })
  .openapi('SessionsEnded');

export type ActiveSessionDto = z.infer<typeof ActiveSession>;
