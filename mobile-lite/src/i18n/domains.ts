import { feedbackEn, feedbackVi } from '../feedback/messages';
import { jobsEn, jobsVi } from '../jobs/messages';
import { cvsEn, cvsVi } from '../cvs/messages';
import { employerEn, employerVi } from '../employer/messages';
import { camerasEn, camerasVi } from '../cameras/messages';

/**
 * The texts of the service domains (feedback and notifications, jobs, CVs and applications, employers,
 * cameras): a chunk of their own, fetched with the first domain screen so the first screen stays small.
 */
export const domainVi = { ...feedbackVi, ...jobsVi, ...cvsVi, ...employerVi, ...camerasVi };

export type DomainKey = keyof typeof domainVi;

export const domainEn: Record<DomainKey, string> = {
  ...feedbackEn,
  ...jobsEn,
  ...cvsEn,
  ...employerEn,
  ...camerasEn,
};
