/**
 * Where the employer screens of mobile-lite (hash routes under `#/employer`) show a company, a posting or an
 * application: the links of the notifications sent to a company's staff, so the bell opens the right screen.
 * The applicant's own links stay under `#/jobs/applications/…`.
 */
export const employerLinks = {
  company: (id: string) => `#/employer/companies/${id}`,
  posting: (id: string) => `#/employer/postings/${id}`,
  application: (id: string) => `#/employer/applications/${id}`,
};
