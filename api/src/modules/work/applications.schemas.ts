import { z } from '../../platform/zod.ts';
import { bilingualIssue } from '../../platform/validation.ts';
import { CvView } from './cvs.schemas.ts';

export const ApplicationStatus = z
  .enum(['submitted', 'viewed', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn'])
  .openapi('JobApplicationStatus');

export const PostingParams = z.object({ postingId: z.string().uuid() });
export const PostingIdParams = z.object({ id: z.string().uuid() });
export const ApplicationParams = z.object({ id: z.string().uuid() });

export const ApplyBody = z
  .strictObject({
    cvId: z.string().uuid().optional().describe('One of my CVs; my default CV when absent'),
    message: z.string().trim().max(1000).optional(),
  })
  .openapi('JobApply');

export const StageBody = z
  .strictObject({
    status: z.enum(['shortlisted', 'interview', 'hired', 'rejected']),
    interviewAt: z.string().datetime({ offset: true }).optional().describe('Required for interview'),
    interviewPlace: z.string().trim().min(3).max(300).optional().describe('Required for interview'),
    reason: z.string().trim().max(1000).optional().describe('For rejected: told to the applicant'),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'interview') return;
    if (!v.interviewAt)
      ctx.addIssue({
        code: 'custom',
        path: ['interviewAt'],
        ...bilingualIssue(
          'interview_time_required',
          'Cần ngày giờ phỏng vấn.',
          'The interview time is required.',
        ),
      });
    else if (new Date(v.interviewAt).getTime() < Date.now())
      ctx.addIssue({
        code: 'custom',
        path: ['interviewAt'],
        ...bilingualIssue('interview_in_past', 'Giờ phỏng vấn đã qua.', 'The interview time has passed.'),
      });
    if (!v.interviewPlace)
      ctx.addIssue({
        code: 'custom',
        path: ['interviewPlace'],
        ...bilingualIssue(
          'interview_place_required',
          'Cần địa điểm phỏng vấn.',
          'The interview place is required.',
        ),
      });
  })
  .openapi('JobApplicationStage');

export const ApplicationEvent = z.object({
  at: z.string().datetime(),
  status: ApplicationStatus,
  note: z.string().nullable(),
});

const PostingRef = z.object({
  id: z.string().uuid(),
  title: z.string(),
  status: z.string(),
  deadline: z.string().nullable().describe('YYYY-MM-DD'),
  company: z.object({ id: z.string().uuid(), name: z.string() }),
});

const Base = z.object({
  id: z.string().uuid(),
  status: ApplicationStatus,
  message: z.string().nullable(),
  interviewAt: z.string().datetime().nullable(),
  interviewPlace: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  posting: PostingRef,
});

export const ApplicationSummary = Base.extend({ timeline: z.array(ApplicationEvent) }).openapi(
  'JobApplicationSummary',
);

export const ApplicationView = Base.extend({
  as: z.enum(['applicant', 'employer']).describe('Which side the caller reads it from'),
  applicant: z.object({ id: z.string().uuid(), fullName: z.string() }),
  cv: CvView.nullable().describe('null when the CV was deleted since'),
  timeline: z.array(ApplicationEvent),
}).openapi('JobApplicationView');

export const MineQuery = z.strictObject({
  status: ApplicationStatus.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const MinePage = z
  .object({
    items: z.array(ApplicationSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('JobApplicationMinePage');

export const PostingApplicationsQuery = MineQuery;

export const PostingApplicationsPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string().uuid(),
        status: ApplicationStatus,
        message: z.string().nullable(),
        interviewAt: z.string().datetime().nullable(),
        interviewPlace: z.string().nullable(),
        createdAt: z.string().datetime(),
        updatedAt: z.string().datetime(),
        applicant: z.object({ id: z.string().uuid(), fullName: z.string() }),
        cv: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
      }),
    ),
    counts: z.record(z.string(), z.number().int()).describe('Applications of the posting per status'),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('JobPostingApplicationsPage');

export const MessageBody = z
  .strictObject({ body: z.string().trim().min(1).max(2000) })
  .openapi('JobMessageNew');

export const MessageView = z
  .object({
    id: z.string(),
    fromEmployer: z.boolean(),
    senderName: z.string().nullable(),
    mine: z.boolean(),
    body: z.string(),
    at: z.string().datetime(),
  })
  .openapi('JobMessage');

export const MessageList = z.object({ items: z.array(MessageView) }).openapi('JobMessageList');
