import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Button, Field } from '../components/ui';
import { t, type MessageKey } from '../i18n';
import {
  addRow,
  addSkill,
  editRow,
  LEVELS,
  LIMITS,
  removeRow,
  type CvForm,
  type RowList,
  type Rows,
} from './form';
import { TextArea } from './parts';

/** The CV form's repeated parts: education, experience, certificates and languages rows, and the skills. */
interface SectionProps {
  form: CvForm;
  setForm: (change: (f: CvForm) => CvForm) => void;
  /** Error text by input name (`education.<key>.school`…). */
  errors: Record<string, string>;
  /** Called when an input with an error is edited: its error goes. */
  clearError: (name: string) => void;
}

function RowsSection<L extends RowList>(
  props: SectionProps & { list: L; row: (r: Rows[L], at: string) => ComponentChildren },
) {
  const rows = props.form[props.list] as Rows[L][];
  const full = rows.length >= LIMITS[props.list];
  return (
    <section class="card cv-section" aria-labelledby={`cv-${props.list}`} data-testid={`cv-${props.list}`}>
      <h2 id={`cv-${props.list}`}>{t(`cvs.s.${props.list}` as MessageKey)}</h2>
      {rows.map((r, i) => (
        <fieldset key={r.key} class="cv-row" data-testid={`cv-${props.list}-row`}>
          <legend class="sr-only">
            {t(`cvs.s.${props.list}` as MessageKey)} {i + 1}
          </legend>
          {props.row(r, `${props.list}.${r.key}`)}
          <Button
            type="button"
            variant="link"
            data-testid={`cv-${props.list}-remove`}
            onClick={() => props.setForm((f) => removeRow(f, props.list, r.key))}
          >
            {t('cvs.remove')}
          </Button>
        </fieldset>
      ))}
      {full ? (
        <p class="hint">{t('cvs.rowsFull', { max: LIMITS[props.list] })}</p>
      ) : (
        <Button
          type="button"
          variant="secondary"
          data-testid={`cv-${props.list}-add`}
          onClick={() => props.setForm((f) => addRow(f, props.list))}
        >
          + {t(`cvs.add.${props.list}` as MessageKey)}
        </Button>
      )}
    </section>
  );
}

interface Extra {
  type?: 'text' | 'month';
  inputMode?: 'numeric';
  maxLength?: number;
  multiline?: boolean;
  labelKey?: string;
}

/** Draws the input of one property of a row; its label is `cvs.f.<labelKey ?? field>`. */
function rowInput<L extends RowList>(props: SectionProps, list: L) {
  return (r: Rows[L], at: string, field: keyof Omit<Rows[L], 'key'> & string, extra: Extra = {}) => {
    const name = `${at}.${field}`;
    const common = {
      name,
      label: t(`cvs.f.${extra.labelKey ?? field}` as MessageKey),
      value: String(r[field]),
      error: props.errors[name],
      onValue: (v: string) => {
        props.setForm((f) => editRow(f, list, r.key, { [field]: v } as Partial<Omit<Rows[L], 'key'>>));
        props.clearError(name);
      },
    };
    if (extra.multiline) return <TextArea {...common} maxLength={extra.maxLength ?? 1000} />;
    return (
      <Field
        {...common}
        type={extra.type}
        inputMode={extra.inputMode}
        maxLength={extra.maxLength}
        testId={`cv-${name}`}
      />
    );
  };
}

export function EducationRows(props: SectionProps) {
  const input = rowInput(props, 'education');
  return (
    <RowsSection
      {...props}
      list="education"
      row={(r, at) => (
        <>
          {input(r, at, 'school', { maxLength: 200 })}
          {input(r, at, 'degree', { maxLength: 100 })}
          {input(r, at, 'field', { maxLength: 100 })}
          <div class="cv-pair">
            {input(r, at, 'from', { type: 'month' })}
            {input(r, at, 'to', { type: 'month' })}
          </div>
        </>
      )}
    />
  );
}

export function ExperienceRows(props: SectionProps) {
  const input = rowInput(props, 'experience');
  return (
    <RowsSection
      {...props}
      list="experience"
      row={(r, at) => (
        <>
          {input(r, at, 'company', { maxLength: 200 })}
          {input(r, at, 'position', { maxLength: 150 })}
          <div class="cv-pair">
            {input(r, at, 'from', { type: 'month' })}
            {input(r, at, 'to', { type: 'month' })}
          </div>
          <p class="hint cv-pair-hint">{t('cvs.f.toNow')}</p>
          {input(r, at, 'description', { multiline: true, maxLength: 1000 })}
        </>
      )}
    />
  );
}

export function CertificateRows(props: SectionProps) {
  const input = rowInput(props, 'certificates');
  return (
    <RowsSection
      {...props}
      list="certificates"
      row={(r, at) => (
        <>
          {input(r, at, 'name', { labelKey: 'certName', maxLength: 200 })}
          <div class="cv-pair">
            {input(r, at, 'issuer', { maxLength: 200 })}
            {input(r, at, 'year', { inputMode: 'numeric', maxLength: 4 })}
          </div>
        </>
      )}
    />
  );
}

export function LanguageRows(props: SectionProps) {
  const input = rowInput(props, 'languages');
  return (
    <RowsSection
      {...props}
      list="languages"
      row={(r, at) => (
        <div class="cv-pair">
          {input(r, at, 'language', { maxLength: 60 })}
          <div class="field">
            <label for={`f-${at}.level`}>{t('cvs.f.level')}</label>
            <select
              id={`f-${at}.level`}
              class="cv-select"
              value={r.level}
              data-testid={`cv-${at}.level`}
              onChange={(e) =>
                props.setForm((f) =>
                  editRow(f, 'languages', r.key, {
                    level: e.currentTarget.value as Rows['languages']['level'],
                  }),
                )
              }
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`cvs.level.${l}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    />
  );
}

/** Skills as chips: type one, "Thêm" (or Enter) adds it, × removes it. */
export function SkillChips(props: SectionProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const add = () => {
    const out = addSkill(props.form.skills, typed);
    setError(out.error ?? null);
    if (!out.error) {
      props.setForm((f) => ({ ...f, skills: out.skills }));
      setTyped('');
    }
  };
  const shown = error ? t(error) : props.errors.skills;
  return (
    <section class="card cv-section" aria-labelledby="cv-skills-title" data-testid="cv-skills">
      <h2 id="cv-skills-title">{t('cvs.s.skills')}</h2>
      {props.form.skills.length > 0 && (
        <ul class="cv-skills">
          {props.form.skills.map((s) => (
            <li key={s} class="cv-skill">
              {s}
              <button
                type="button"
                aria-label={t('cvs.f.skillRemove', { skill: s })}
                onClick={() => props.setForm((f) => ({ ...f, skills: f.skills.filter((x) => x !== s) }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div
        class="cv-add"
        onKeyDown={(e) => {
          // Enter adds the skill instead of submitting the whole form.
          if (e.key === 'Enter' && (e.target as HTMLElement).id === 'f-skill') {
            e.preventDefault();
            add();
          }
        }}
      >
        <Field
          name="skill"
          label={t('cvs.f.skill')}
          hint={t('cvs.f.skillHint')}
          value={typed}
          maxLength={80}
          error={shown}
          testId="cv-skill"
          onValue={(v) => {
            setTyped(v);
            setError(null);
          }}
        />
        <Button type="button" variant="secondary" data-testid="cv-skill-add" onClick={add}>
          {t('cvs.f.skillAdd')}
        </Button>
      </div>
    </section>
  );
}
