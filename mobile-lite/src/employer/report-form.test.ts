import { describe, expect, it } from 'vitest';
import {
  checkReport,
  defaultReportMonth,
  emptyReport,
  monthText,
  previousMonth,
  reportBody,
  reportValues,
  type ReportValues,
} from './report-form';

const filled: ReportValues = {
  month: '2026-10',
  headcount: '250',
  women: '160',
  localResidents: '200',
  otherProvinces: '50',
  hires: '12',
  separations: '8',
  openPositions: '15',
  wageBand: '5to8',
};

describe('the month of a report', () => {
  it('defaults to the last month that has ended, across a new year', () => {
    expect(defaultReportMonth('2026-11-28')).toBe('2026-10');
    expect(defaultReportMonth('2027-01-05')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthText('2026-10')).toBe('10/2026');
  });
});

describe('the report figures', () => {
  it('accepts whole numbers with parts within the headcount, and builds the body', () => {
    expect(checkReport(filled, '2026-11-28')).toEqual({});
    expect(reportBody(filled)).toEqual({
      month: '2026-10',
      headcount: 250,
      women: 160,
      localResidents: 200,
      otherProvinces: 50,
      hires: 12,
      separations: 8,
      openPositions: 15,
      wageBand: '5to8',
    });
  });
  it('refuses a part above the headcount, as the API does (each part on its own)', () => {
    expect(checkReport({ ...filled, women: '251', otherProvinces: '300' }, '2026-11-28')).toEqual({
      women: 'employer.v.overHeadcount',
      otherProvinces: 'employer.v.overHeadcount',
    });
    expect(checkReport({ ...filled, localResidents: '250' }, '2026-11-28')).toEqual({});
  });
  it('refuses empty, negative and decimal figures, a future month and no wage band', () => {
    const e = checkReport(
      { ...emptyReport('2026-12'), headcount: '-1', hires: '1.5', separations: '0' },
      '2026-11-28',
    );
    expect(e).toMatchObject({
      month: 'employer.v.monthFuture',
      headcount: 'employer.v.count',
      hires: 'employer.v.count',
      women: 'employer.v.count',
      wageBand: 'employer.v.wageBand',
    });
    expect(e.separations).toBeUndefined();
    expect(checkReport({ ...filled, month: '2026-13' }, '2026-11-28').month).toBe('employer.v.month');
  });
  it('refills the form from a filed report', () => {
    const v = reportValues({
      companyId: 'c1',
      month: '2026-09',
      headcount: 240,
      women: 150,
      localResidents: 190,
      otherProvinces: 50,
      hires: 10,
      separations: 9,
      openPositions: 12,
      wageBand: '8to12',
      filedAt: '2026-10-03T02:00:00.000Z',
      editableUntil: '2026-10-10T16:59:59.999Z',
      demo: false,
    });
    expect(v).toMatchObject({ month: '2026-09', headcount: '240', wageBand: '8to12' });
  });
});
