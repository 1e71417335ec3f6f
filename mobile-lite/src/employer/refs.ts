import { useEffect, useState } from 'preact/hooks';
import { attempt } from '../api/call';
import { api, authed, refreshSession } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../api/session';
import { getLang } from '../i18n';
import type { Company } from './company-form';
import type { Option } from './fields';

/** Reference lists of the employer forms (zones, industries), fetched once per app run. */
type Zone = components['schemas']['IndustrialZone'];
type Industry = components['schemas']['IndustryList']['items'][number];

function memo<T>(load: () => Promise<T | undefined>) {
  let kept: T | undefined;
  let pending: Promise<T | undefined> | undefined;
  return function useList(): T | undefined {
    const [value, setValue] = useState<T | undefined>(kept);
    useEffect(() => {
      if (kept) return;
      let live = true;
      pending ??= load().then((v) => {
        if (v === undefined) pending = undefined; // failed: the next screen tries again
        return (kept = v);
      });
      void pending.then((v) => live && v && setValue(v));
      return () => {
        live = false;
      };
    }, []);
    return value;
  };
}

export const useZones = memo<Zone[]>(async () => {
  const o = await attempt(() => api.GET('/api/v1/work/zones'));
  if (!o.ok || !o.result.data) return undefined;
  return o.result.data.items.filter((z) => z.active).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
});

export const useIndustries = memo<Industry[]>(async () => {
  const o = await attempt(() => api.GET('/api/v1/work/industries'));
  return o.ok ? o.result.data?.items : undefined;
});

export const zoneOptions = (zones: Zone[] | undefined): Option[] =>
  (zones ?? []).map((z) => ({ value: z.code, label: z.name }));

export const industryOptions = (items: Industry[] | undefined): Option[] =>
  (items ?? []).map((i) => ({ value: i.code, label: getLang() === 'en' ? i.nameEn : i.name }));

/**
 * My companies. Roles are in the access token: an account that works for a company but whose token has no
 * employer permission yet (just added as staff, or registered elsewhere) refreshes its session once.
 */
export async function loadMyCompanies() {
  const o = await attempt(() => authed(() => api.GET('/api/v1/work/companies/mine')));
  if (o.ok && o.result.data?.items.length && !session.user()?.permissions.includes('jobs:post'))
    await refreshSession();
  return o;
}

export function companyOptions(items: Company[]): Option[] {
  return items.map((c) => ({ value: c.id, label: c.name }));
}

/** A parameter of the screen's address after `?` (`#/employer/postings?company=…`). */
export function hashParam(name: string): string {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get(name) ?? '';
}

/** Keeps a screen's filter in its address without a new history entry, so "back" returns to it. */
export function replaceHashParams(base: string, params: Record<string, string>) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  history.replaceState(history.state, '', `${base}${query ? `?${query}` : ''}`);
}
