import { z } from '../../platform/zod.ts';

export const StatsQuerySchema = z
  .strictObject({
    from: z.coerce.date().optional().describe('Reports submitted from'),
    to: z.coerce.date().optional().describe('Reports submitted until'),
    category: z.string().max(40).optional(),
    department: z.string().max(40).optional(),
    commune: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
  })
  .openapi('FeedbackStatsQuery');

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const FeedbackStatsView = z
  .object({
    total: z.number().int(),
    byStatus: z.array(Count),
    byCategory: z.array(Count),
    byDepartment: z
      .array(Count.extend({ overdue: z.number().int() }))
      .describe("key 'none': not yet given to a department"),
    byCommune: z.array(Count).describe('Communes with reports, most first'),
    resolved: z.object({
      count: z.number().int(),
      medianHours: z.number().nullable().describe('Median hours from submission to resolution'),
      onTimeShare: z
        .number()
        .nullable()
        .describe('0–1: resolved by the due date, among resolved reports that had one'),
    }),
    ratings: z.object({
      count: z.number().int(),
      average: z.number().nullable(),
      histogram: z.array(z.number().int()).length(5).describe('Counts of 1, 2, 3, 4 and 5 stars'),
    }),
  })
  .openapi('FeedbackStats');
