import { describe, expect, it } from 'vitest';
import {
  addRow,
  addSkill,
  checkCvForm,
  cvPayload,
  editRow,
  emptyForm,
  formFromCv,
  LIMITS,
  parseMonth,
  parseSalary,
  removeRow,
  type CvForm,
  type CvView,
} from './form';
import { describeCvProblem, formField } from './problem';

const base = (): CvForm => ({ ...emptyForm(), title: 'Công nhân may' });

describe('CV form rows', () => {
  it('adds blank rows with distinct keys, up to the limit of each list', () => {
    let f = addRow(addRow(base(), 'education'), 'education');
    expect(f.education).toHaveLength(2);
    expect(f.education[0]!.key).not.toBe(f.education[1]!.key);
    expect(f.education[0]).toMatchObject({ school: '', degree: '', field: '', from: '', to: '' });
    for (let i = 0; i < 20; i++) f = addRow(f, 'languages');
    expect(f.languages).toHaveLength(LIMITS.languages);
    expect(f.languages[0]!.level).toBe('basic');
  });

  it('edits and removes one row by its key, leaving the others as they were', () => {
    let f = addRow(addRow(addRow(base(), 'experience'), 'experience'), 'experience');
    const [a, b, c] = f.experience;
    f = editRow(f, 'experience', b!.key, { company: 'Công ty May Đắk Lắk' });
    expect(f.experience.map((r) => r.company)).toEqual(['', 'Công ty May Đắk Lắk', '']);
    f = removeRow(f, 'experience', a!.key);
    expect(f.experience.map((r) => r.key)).toEqual([b!.key, c!.key]);
  });

  it('adds skills trimmed, once whatever the case, at most 30 and 60 characters', () => {
    expect(addSkill([], '  Vận hành   máy may ')).toEqual({ skills: ['Vận hành máy may'] });
    expect(addSkill(['Excel'], 'excel')).toEqual({ skills: ['Excel'], error: 'cvs.v.skillTwice' });
    expect(addSkill([], 'x'.repeat(61)).error).toBe('cvs.v.skillLong');
    expect(addSkill([], '   ')).toEqual({ skills: [] });
    const full = Array.from({ length: 30 }, (_, i) => `kỹ năng ${i}`);
    expect(addSkill(full, 'một nữa').error).toBe('cvs.v.skillsFull');
  });
});

describe('CV form parsing', () => {
  it('reads the salary in millions a month, with a comma or a point', () => {
    expect(parseSalary('8')).toBe(8_000_000);
    expect(parseSalary('8,5')).toBe(8_500_000);
    expect(parseSalary(' 12.25 ')).toBe(12_250_000);
    expect(parseSalary('')).toBeNull();
    expect(parseSalary('8.500.000')).toBeUndefined();
    expect(parseSalary('-3')).toBeUndefined();
    expect(parseSalary('tám')).toBeUndefined();
    expect(parseSalary('20000')).toBeUndefined();
  });

  it('reads months from a month input or typed as MM/YYYY', () => {
    expect(parseMonth('2020-09')).toBe('2020-09');
    expect(parseMonth('9/2020')).toBe('2020-09');
    expect(parseMonth('')).toBe('');
    expect(parseMonth('13/2020')).toBeUndefined();
    expect(parseMonth('2020')).toBeUndefined();
  });
});

describe('CV form validation', () => {
  it('needs the desired position and a readable salary', () => {
    expect(checkCvForm(emptyForm()).title).toEqual({ key: 'cvs.v.required' });
    expect(checkCvForm({ ...base(), salary: 'nhiều' }).salary).toEqual({ key: 'cvs.v.salary' });
    expect(checkCvForm({ ...base(), title: 'x'.repeat(151) }).title).toEqual({
      key: 'cvs.v.long',
      params: { max: 150 },
    });
    expect(checkCvForm(base())).toEqual({});
  });

  it('ignores blank rows and names the wrong input of a filled one by its row key', () => {
    let f = addRow(addRow(base(), 'experience'), 'experience');
    const [blank, row] = f.experience;
    f = editRow(f, 'experience', row!.key, { company: 'Công ty A', from: '2022-05', to: '2021-01' });
    const errors = checkCvForm(f);
    expect(errors[`experience.${row!.key}.position`]).toEqual({ key: 'cvs.v.required' });
    expect(errors[`experience.${row!.key}.to`]).toEqual({ key: 'cvs.v.order' });
    expect(Object.keys(errors).some((k) => k.includes(String(blank!.key)))).toBe(false);
  });

  it('an experience needs its start month; education and certificate dates are checked', () => {
    let f = addRow(addRow(addRow(base(), 'experience'), 'education'), 'certificates');
    f = editRow(f, 'experience', f.experience[0]!.key, { company: 'A', position: 'Thợ may' });
    f = editRow(f, 'education', f.education[0]!.key, { school: 'THPT Buôn Ma Thuột', from: '2015/09' });
    f = editRow(f, 'certificates', f.certificates[0]!.key, { name: 'Tin học A', year: '1900' });
    const errors = checkCvForm(f);
    expect(errors[`experience.${f.experience[0]!.key}.from`]).toEqual({ key: 'cvs.v.required' });
    expect(errors[`education.${f.education[0]!.key}.from`]).toEqual({ key: 'cvs.v.month' });
    expect(errors[`certificates.${f.certificates[0]!.key}.year`]).toEqual({ key: 'cvs.v.year' });
  });
});

describe('CV request body', () => {
  it('sends trimmed values, the salary in VND, no blank rows, and isDefault only to set it', () => {
    let f = addRow(addRow(addRow(addRow(base(), 'education'), 'experience'), 'experience'), 'languages');
    f = { ...f, salary: '8,5', summary: '  ', skills: ['May công nghiệp'], searchable: true };
    f = editRow(f, 'education', f.education[0]!.key, { school: ' THPT Lê Quý Đôn ', to: '06/2018' });
    f = editRow(f, 'experience', f.experience[1]!.key, {
      company: 'Công ty May',
      position: 'Thợ may',
      from: '2019-01',
    });
    f = editRow(f, 'languages', f.languages[0]!.key, { language: 'Tiếng Anh', level: 'intermediate' });
    const { body, rows } = cvPayload(f);
    expect(body).toEqual({
      title: 'Công nhân may',
      desiredSalary: 8_500_000,
      summary: null,
      education: [{ school: 'THPT Lê Quý Đôn', to: '2018-06' }],
      experience: [{ company: 'Công ty May', position: 'Thợ may', from: '2019-01', to: null }],
      skills: ['May công nghiệp'],
      certificates: [],
      languages: [{ language: 'Tiếng Anh', level: 'intermediate' }],
      searchable: true,
    });
    expect(rows.experience).toEqual([f.experience[1]!.key]);
    expect(cvPayload({ ...f, isDefault: true }).body.isDefault).toBe(true);
  });

  it('a saved CV comes back into the form and gives the same body', () => {
    const cv: CvView = {
      id: '6f1c0c8e-4a59-4b8b-9d1e-1f0d6a3f2b11',
      title: 'Thợ điện',
      desiredSalary: 9_500_000,
      skills: ['Điện công nghiệp'],
      isDefault: true,
      searchable: false,
      hasPdf: false,
      updatedAt: '2026-11-02T03:00:00.000Z',
      summary: 'Năm năm kinh nghiệm.',
      education: [
        { school: 'Cao đẳng Kỹ thuật Đắk Lắk', degree: 'Cao đẳng', from: '2014-09', to: '2017-06' },
      ],
      experience: [{ company: 'KCN Hòa Phú', position: 'Thợ điện', from: '2017-08', to: null }],
      certificates: [{ name: 'An toàn điện', year: 2018 }],
      languages: [],
      pdfName: null,
      createdAt: '2026-10-01T03:00:00.000Z',
      owner: null,
    };
    const f = formFromCv(cv);
    expect(f.salary).toBe('9,5');
    expect(f.experience[0]!.to).toBe('');
    const { body } = cvPayload(f);
    expect(body).toMatchObject({
      title: 'Thợ điện',
      desiredSalary: 9_500_000,
      summary: 'Năm năm kinh nghiệm.',
      education: cv.education,
      experience: [{ company: 'KCN Hòa Phú', position: 'Thợ điện', from: '2017-08', to: null }],
      certificates: cv.certificates,
      isDefault: true,
    });
  });
});

describe('API field errors on the CV form', () => {
  it('puts each error under its input, on the row it came from', () => {
    let f = addRow(addRow(base(), 'education'), 'education');
    f = editRow(f, 'education', f.education[1]!.key, { school: 'Trường B' });
    const { rows } = cvPayload(f);
    const key = f.education[1]!.key;
    expect(formField('body.education.0.to', rows)).toBe(`education.${key}.to`);
    expect(formField(['body', 'desiredSalary'], rows)).toBe('salary');
    expect(formField('body.skills.3', rows)).toBe('skills');
    expect(formField('body.education.5.to', rows)).toBeUndefined();
    const shown = describeCvProblem(
      {
        code: 'validation_failed',
        messages: { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid.' },
        errors: [
          {
            path: 'body.education.0.to',
            messages: { vi: 'Thời gian kết thúc trước thời gian bắt đầu.', en: 'Ends before it starts.' },
          },
        ],
      },
      rows,
    );
    expect(shown.fields).toEqual({ [`education.${key}.to`]: 'Thời gian kết thúc trước thời gian bắt đầu.' });
    expect(shown.message).toBe('Vui lòng sửa các ô được đánh dấu bên dưới.');
  });
});
