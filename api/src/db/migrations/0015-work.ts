import type { Migration } from '../migrate.ts';

/**
 * Work: industrial zones, companies and their staff, job postings, CVs, applications with their events and
 * messages, monthly workforce reports, and the moderation queue shared by every kind of listing.
 */
export const up: Migration = async ({ context: sql }) => {
  await sql.query(`
    CREATE TABLE industrial_zones (
      code text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('zone', 'cluster', 'hightech', 'economic')),
      commune_code text REFERENCES communes(code),
      lat double precision,
      lng double precision,
      area_ha numeric(10, 2),
      note text,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE companies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      tax_code text NOT NULL UNIQUE,
      address text NOT NULL,
      commune_code text NOT NULL REFERENCES communes(code),
      zone_code text REFERENCES industrial_zones(code),
      industry text NOT NULL,
      size text NOT NULL CHECK (size IN ('1-9', '10-49', '50-199', '200-999', '1000+')),
      contact_name text,
      contact_phone text,
      contact_email text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected', 'suspended')),
      rejection_reason text,
      demo boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX companies_zone_idx ON companies (zone_code);

    CREATE TABLE company_members (
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL DEFAULT 'staff' CHECK (role IN ('owner', 'staff')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, user_id)
    );
    CREATE INDEX company_members_user_idx ON company_members (user_id);

    CREATE TABLE job_postings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      title text NOT NULL,
      description text NOT NULL,
      requirements text NOT NULL DEFAULT '',
      openings integer NOT NULL CHECK (openings > 0),
      salary_min bigint,
      salary_max bigint,
      salary_negotiable boolean NOT NULL DEFAULT false,
      employment_type text NOT NULL
        CHECK (employment_type IN ('full_time', 'part_time', 'seasonal', 'contract', 'internship')),
      shifts text[] NOT NULL DEFAULT '{}',
      industry text NOT NULL,
      commune_code text NOT NULL REFERENCES communes(code),
      zone_code text REFERENCES industrial_zones(code),
      lat double precision,
      lng double precision,
      benefits text[] NOT NULL DEFAULT '{}',
      deadline date,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'pending_review', 'published', 'rejected', 'closed', 'expired')),
      rejection_reason text,
      -- accent-free, lower-case title + company name + description head, kept by the service for search
      search_text text NOT NULL DEFAULT '',
      published_at timestamptz,
      demo boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (salary_min IS NULL OR salary_min >= 0),
      CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_max >= salary_min),
      CHECK (salary_negotiable OR (salary_min IS NOT NULL AND salary_max IS NOT NULL))
    );
    CREATE INDEX job_postings_company_idx ON job_postings (company_id, created_at DESC);
    CREATE INDEX job_postings_published_idx ON job_postings (published_at DESC, id DESC) WHERE status = 'published';
    CREATE INDEX job_postings_search_trgm ON job_postings USING gin (search_text gin_trgm_ops)
      WHERE status = 'published';

    CREATE TABLE cvs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      title text NOT NULL,
      desired_salary bigint CHECK (desired_salary IS NULL OR desired_salary >= 0),
      summary text,
      education jsonb NOT NULL DEFAULT '[]',
      experience jsonb NOT NULL DEFAULT '[]',
      skills text[] NOT NULL DEFAULT '{}',
      certificates jsonb NOT NULL DEFAULT '[]',
      languages jsonb NOT NULL DEFAULT '[]',
      pdf bytea,
      pdf_name text,
      is_default boolean NOT NULL DEFAULT false,
      searchable boolean NOT NULL DEFAULT false,
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX cvs_user_idx ON cvs (user_id);
    CREATE UNIQUE INDEX cvs_one_default ON cvs (user_id) WHERE is_default;

    CREATE TABLE job_applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      posting_id uuid NOT NULL REFERENCES job_postings(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      cv_id uuid REFERENCES cvs(id) ON DELETE SET NULL,
      message text,
      status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'viewed', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn')),
      interview_at timestamptz,
      interview_place text,
      rejection_reason text,
      demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (posting_id, user_id)
    );
    CREATE INDEX job_applications_user_idx ON job_applications (user_id, created_at DESC);
    CREATE INDEX job_applications_posting_idx ON job_applications (posting_id, created_at DESC);

    CREATE TABLE application_events (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES job_applications(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL,
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      note text
    );
    CREATE INDEX application_events_app_idx ON application_events (application_id, id);

    CREATE TABLE application_messages (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES job_applications(id) ON DELETE CASCADE,
      sender_id uuid REFERENCES users(id) ON DELETE SET NULL,
      from_employer boolean NOT NULL,
      body text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX application_messages_app_idx ON application_messages (application_id, id);

    CREATE TABLE workforce_reports (
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      headcount integer NOT NULL CHECK (headcount >= 0),
      women integer NOT NULL CHECK (women >= 0 AND women <= headcount),
      local_residents integer NOT NULL CHECK (local_residents >= 0 AND local_residents <= headcount),
      other_provinces integer NOT NULL CHECK (other_provinces >= 0 AND other_provinces <= headcount),
      hires integer NOT NULL CHECK (hires >= 0),
      separations integer NOT NULL CHECK (separations >= 0),
      open_positions integer NOT NULL CHECK (open_positions >= 0),
      wage_band text NOT NULL CHECK (wage_band IN ('lt5', '5to8', '8to12', '12to20', 'gt20')),
      demo boolean NOT NULL DEFAULT false,
      filed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      filed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, month)
    );
    CREATE INDEX workforce_reports_month_idx ON workforce_reports (month);

    CREATE TABLE moderation_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      entity_id uuid NOT NULL,
      title text NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
      submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
      decided_at timestamptz,
      reason text
    );
    CREATE UNIQUE INDEX moderation_one_pending ON moderation_items (kind, entity_id) WHERE status = 'pending';
    CREATE INDEX moderation_queue_idx ON moderation_items (status, submitted_at);
  `);
};

export const down: Migration = async ({ context: sql }) => {
  await sql.query(`
    DROP TABLE moderation_items, workforce_reports, application_messages, application_events, job_applications,
      cvs, job_postings, company_members, companies, industrial_zones;
  `);
};
