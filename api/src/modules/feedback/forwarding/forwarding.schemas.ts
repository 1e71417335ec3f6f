import { z } from '../../../platform/zod.ts';
import { FeedbackStatus } from '../feedback.schemas.ts';

export const ForwardingStateName = z.enum(['pending', 'sending', 'sent', 'dead']);

export const ForwardingState = z
  .object({
    state: ForwardingStateName.describe('`sending` = claimed by a worker right now (counted as pending)'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().datetime().nullable().describe('When the next try is due (pending only)'),
    externalId: z.string().nullable().describe('The id the province system gave the report'),
    updatedAt: z.string().datetime(),
  })
  .openapi('FeedbackForwardingState');

export const ForwardingQuery = z
  .strictObject({
    state: z.enum(['pending', 'sent', 'dead']).optional().describe('`pending` includes rows being sent'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .openapi('FeedbackForwardingQuery');

export const ForwardingPage = z
  .object({
    items: z.array(ForwardingState.extend({ reportId: z.string().uuid(), title: z.string() })),
    total: z.number().int(),
    counts: z.object({ pending: z.number().int(), sent: z.number().int(), dead: z.number().int() }),
  })
  .openapi('FeedbackForwardingPage');

export const ForwardingParams = z.strictObject({ reportId: z.string().uuid() });
export const ReportParams = z.strictObject({ id: z.string().uuid() });

export const ProvinceUpdateBody = z
  .strictObject({
    eventId: z.string().trim().min(1).max(200).describe('Unique per event: a repeat is applied once'),
    externalId: z.string().trim().min(1).max(200).describe('The province’s id of the report'),
    reportId: z.string().uuid().optional().describe('Our id, as sent in the forwarded report (informative)'),
    status: z.enum(['in_progress', 'resolved', 'rejected']),
    answer: z.string().max(4000).optional().describe('Required with `resolved` (≥ 10 characters)'),
    reason: z.string().max(2000).optional().describe('Required with `rejected` (≥ 5 characters)'),
    note: z.string().max(2000).optional().describe('A public note with `in_progress`'),
    department: z.string().max(40).optional().describe('The handling department’s code, when it changed'),
    occurredAt: z.string().datetime({ offset: true }).optional(),
  })
  .openapi('ProvinceFeedbackUpdate');

export const ProvinceUpdateResult = z
  .object({
    result: z
      .enum(['applied', 'unchanged', 'duplicate'])
      .describe('`duplicate`: this event id was applied before; nothing changed'),
    reportId: z.string().uuid(),
    status: FeedbackStatus,
  })
  .openapi('ProvinceFeedbackUpdateResult');
