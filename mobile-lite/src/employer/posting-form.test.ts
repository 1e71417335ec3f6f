import { describe, expect, it } from 'vitest';
import {
  checkPosting,
  checkSalary,
  editNeedsReview,
  millionsToVnd,
  postingActions,
  postingBody,
  postingChanges,
  postingValues,
  vndToMillions,
  type Posting,
  type PostingValues,
} from './posting-form';

const values: PostingValues = {
  companyId: 'c1',
  title: 'Công nhân may công nghiệp',
  description: 'May hoàn thiện sản phẩm theo dây chuyền, làm ca ngày.',
  requirements: 'Sức khỏe tốt',
  openings: '20',
  salaryMin: '6,5',
  salaryMax: '9',
  salaryNegotiable: false,
  employmentType: 'full_time',
  shifts: ['day'],
  communeCode: '24175',
  zoneCode: 'kcn-hoa-phu',
  benefits: ['meals', 'shuttle_bus'],
  deadline: '2026-12-31',
};

const posting: Posting = {
  id: 'p1',
  companyId: 'c1',
  companyName: 'Công ty May',
  title: values.title,
  description: values.description,
  requirements: values.requirements,
  openings: 20,
  salaryMin: 6_500_000,
  salaryMax: 9_000_000,
  salaryNegotiable: false,
  employmentType: 'full_time',
  shifts: ['day'],
  industry: 'C',
  communeCode: '24175',
  zoneCode: 'kcn-hoa-phu',
  lat: null,
  lng: null,
  benefits: ['meals', 'shuttle_bus'],
  deadline: '2026-12-31',
  status: 'published',
  rejectionReason: null,
  publishedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  applications: 3,
};

describe('salary in millions', () => {
  it('reads "6,5" and "6.5" as 6 500 000 VND, nothing as null, words as NaN', () => {
    expect(millionsToVnd('6,5')).toBe(6_500_000);
    expect(millionsToVnd(' 6.5 ')).toBe(6_500_000);
    expect(millionsToVnd('12')).toBe(12_000_000);
    expect(millionsToVnd('')).toBeNull();
    expect(millionsToVnd('-3')).toBe(-3_000_000);
    expect(millionsToVnd('bảy')).toBeNaN();
  });
  it('writes VND back as millions in the language', () => {
    expect(vndToMillions(6_500_000)).toBe('6,5');
    expect(vndToMillions(8_250_000, 'en')).toBe('8.25');
    expect(vndToMillions(null)).toBe('');
  });
});

describe('the salary range', () => {
  const range = (salaryMin: string, salaryMax: string, salaryNegotiable = false) =>
    checkSalary({ salaryMin, salaryMax, salaryNegotiable });
  it('accepts a range and an equal pair', () => {
    expect(range('6', '9')).toEqual({});
    expect(range('7', '7')).toEqual({});
  });
  it('refuses an inverted range at the maximum', () => {
    expect(range('12', '8')).toEqual({ salaryMax: 'employer.v.salaryInverted' });
  });
  it('refuses negative figures where they are', () => {
    expect(range('-1', '5')).toEqual({ salaryMin: 'employer.v.salaryNegative' });
    expect(range('-5', '-1')).toEqual({
      salaryMin: 'employer.v.salaryNegative',
      salaryMax: 'employer.v.salaryNegative',
    });
  });
  it('needs both figures unless negotiable, and numbers', () => {
    expect(range('', '9')).toEqual({ salaryMin: 'employer.v.salaryRequired' });
    expect(range('abc', '9')).toEqual({ salaryMin: 'employer.v.salaryNumber' });
    expect(range('', '', true)).toEqual({});
    expect(range('-5', 'x', true)).toEqual({});
  });
});

describe('the posting form', () => {
  it('accepts a complete form and sends VND integers; negotiable sends no figures', () => {
    expect(checkPosting(values, '2026-11-28')).toEqual({});
    expect(postingBody(values, 'C')).toMatchObject({
      salaryMin: 6_500_000,
      salaryMax: 9_000_000,
      openings: 20,
      industry: 'C',
      deadline: '2026-12-31',
    });
    const negotiable = postingBody({ ...values, salaryNegotiable: true, zoneCode: '', deadline: '' }, 'C');
    expect(negotiable).toMatchObject({ salaryMin: null, salaryMax: null, zoneCode: null, deadline: null });
  });
  it('marks short texts, bad openings, a past deadline and a missing place', () => {
    const e = checkPosting(
      {
        ...values,
        title: 'May',
        description: 'ngắn',
        openings: '0',
        communeCode: '',
        deadline: '2026-11-01',
      },
      '2026-11-28',
    );
    expect(e).toEqual({
      title: 'employer.v.title',
      description: 'employer.v.description',
      openings: 'employer.v.openings',
      communeCode: 'employer.v.commune',
      deadline: 'employer.v.deadlinePast',
    });
  });
  it('sends only the changes, and warns when a published posting goes back to review', () => {
    const same = postingValues(posting);
    expect(same.salaryMin).toBe('6,5');
    expect(postingChanges(posting, same)).toEqual({});
    const title = postingChanges(posting, { ...same, title: 'Thợ may' });
    expect(title).toEqual({ title: 'Thợ may' });
    expect(editNeedsReview(posting, title)).toBe(false);
    const pay = postingChanges(posting, { ...same, salaryMax: '10' });
    expect(pay).toEqual({ salaryMax: 10_000_000 });
    expect(editNeedsReview(posting, pay)).toBe(true);
    expect(editNeedsReview({ ...posting, status: 'draft' }, pay)).toBe(false);
    expect(editNeedsReview(posting, postingChanges(posting, { ...same, zoneCode: '' }))).toBe(true);
  });
  it('offers only the actions the API allows in each state', () => {
    expect(postingActions({ status: 'draft', applications: 0 })).toEqual({
      submit: true,
      close: false,
      remove: true,
    });
    expect(postingActions({ status: 'published', applications: 2 })).toEqual({
      submit: false,
      close: true,
      remove: false,
    });
    expect(postingActions({ status: 'closed', applications: 2 }).remove).toBe(false);
    expect(postingActions({ status: 'expired', applications: 0 })).toEqual({
      submit: true,
      close: false,
      remove: true,
    });
    expect(postingActions({ status: 'pending_review', applications: 0 })).toEqual({
      submit: false,
      close: true,
      remove: false,
    });
  });
});
