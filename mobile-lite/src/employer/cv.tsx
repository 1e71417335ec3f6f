import { useState } from 'preact/hooks';
import type { components } from '../api/schema';
import { Alert, Button } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import { wantedSalary } from '../cvs/parts';
import { openPdf } from '../cvs/pdf-card';
import { monthText } from './report-form';

type Cv = components['schemas']['CvView'];

/** "2024-03" – "2025-10", or "– nay" while it lasts. */
function period(from?: string | null, to?: string | null, ongoing = false): string {
  if (!from && !to) return '';
  const end = to ? monthText(to) : ongoing ? t('employer.cvNow') : '';
  return [from ? monthText(from) : '', end].filter(Boolean).join(' – ');
}

function Section(props: { title: MessageKey; items: string[]; testId?: string }) {
  if (!props.items.length) return null;
  return (
    <>
      <h3>{t(props.title)}</h3>
      <ul data-testid={props.testId}>
        {props.items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </>
  );
}

/** The applicant's CV as the employer reads it, with its PDF when there is one. */
export function CvCard(props: { cv: Cv | null }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const cv = props.cv;
  if (!cv)
    return (
      <div class="card em-card em-cv" data-testid="applicant-cv">
        <h2>{t('employer.cv')}</h2>
        <p class="muted">{t('employer.cvDeleted')}</p>
      </div>
    );
  const line = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');
  return (
    <div class="card em-card em-cv" data-testid="applicant-cv">
      <h2>{t('employer.cv')}</h2>
      <p class="jb-title">{cv.title}</p>
      {cv.desiredSalary !== null && <p class="jb-meta">{wantedSalary(cv.desiredSalary)}</p>}
      {cv.summary && <p class="em-text-block">{cv.summary}</p>}
      <Section title="employer.cvSkills" items={cv.skills.length ? [cv.skills.join(', ')] : []} />
      <Section
        title="employer.cvExperience"
        items={cv.experience.map((x) =>
          line(`${x.position} — ${x.company}`, period(x.from, x.to, true), x.description),
        )}
      />
      <Section
        title="employer.cvEducation"
        items={cv.education.map((x) => line(x.school, x.degree, x.field, period(x.from, x.to)))}
      />
      <Section
        title="employer.cvCertificates"
        items={cv.certificates.map((x) => line(x.name, x.issuer, x.year ? String(x.year) : null))}
      />
      <Section
        title="employer.cvLanguages"
        items={cv.languages.map((x) => line(x.language, t(`employer.lang.${x.level}`)))}
      />
      {cv.pdfName && (
        <div class="actions">
          <Button
            type="button"
            variant="secondary"
            busy={busy}
            data-testid="applicant-cv-pdf"
            onClick={async () => {
              setBusy(true);
              setFailed(!(await openPdf(cv.id, cv.pdfName ?? 'cv.pdf')));
              setBusy(false);
            }}
          >
            {t('employer.cvPdf')}
          </Button>
          {failed && <Alert message={t('error.network')} />}
        </div>
      )}
    </div>
  );
}
