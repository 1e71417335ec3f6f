import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });
export const ModerationStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);

export const ModerationQueueQuery = z
  .strictObject({
    kind: z.string().max(40).optional().describe("Kind of listing, e.g. 'company', 'job_posting'"),
    status: ModerationStatus.default('pending'),
    order: z.enum(['oldest', 'newest']).default('oldest'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .openapi('ModerationQueueQuery');

export const ModerationItemParams = z.strictObject({ id: z.uuid() });

const Person = z.object({ id: z.string(), fullName: z.string(), phone: z.string() }).nullable();

export const ModerationItemSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: Bilingual,
    entityId: z.string(),
    title: z.string(),
    status: ModerationStatus,
    submittedAt: z.string(),
    submittedBy: Person,
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .openapi('ModerationItemSummary');

export const ModerationItem = ModerationItemSummary.extend({
  summary: z.record(z.string(), z.unknown()).describe('Snapshot of the listing when it was submitted'),
  decidedBy: Person,
}).openapi('ModerationItem');

export const ModerationQueuePage = z
  .object({
    items: z.array(ModerationItemSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pendingByKind: z.array(z.object({ kind: z.string(), kindLabel: Bilingual, count: z.number().int() })),
  })
  .openapi('ModerationQueuePage');

export const ModerationDecision = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(1000).optional().describe('Required to reject; the submitter is told'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        ...bilingualIssue(
          'reason_required',
          'Cần nêu lý do từ chối để người gửi biết cần sửa gì.',
          'Give a reason for the rejection so the submitter knows what to fix.',
        ),
      });
  })
  .openapi('ModerationDecision');
