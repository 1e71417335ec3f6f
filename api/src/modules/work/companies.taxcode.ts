/**
 * Vietnamese enterprise tax codes (mã số thuế): 10 digits, or 13 written `NNNNNNNNNN-NNN` for a branch or
 * dependent unit (suffix 001–999). The 10th digit is a check digit over the first nine with the weights
 * 31, 29, 23, 19, 17, 13, 7, 5, 3: check = 10 − (Σ dᵢ·wᵢ mod 11); a remainder of 0 gives no valid code.
 * Verified against published codes: 0100109106 (Viettel), 0100112437 (Vietcombank), 0101248141 (FPT),
 * 0300588569 (Vinamilk), 5900377720 (Hoàng Anh Gia Lai).
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeProblem = 'format' | 'branch' | 'check_digit';

export function taxCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (WEIGHTS[i] as number);
  const r = sum % 11;
  return r === 0 ? null : 10 - r;
}

/** null when valid; otherwise which rule it breaks. */
export function checkTaxCode(raw: string): TaxCodeProblem | null {
  const s = raw.trim();
  const m = /^(\d{10})(?:-(\d+))?$/.exec(s);
  if (!m) return /^\d{10}-/.test(s) ? 'branch' : 'format';
  const [, main, branch] = m as unknown as [string, string, string | undefined];
  if (branch !== undefined && (!/^\d{3}$/.test(branch) || branch === '000')) return 'branch';
  if (taxCheckDigit(main.slice(0, 9)) !== Number(main[9])) return 'check_digit';
  return null;
}

export const TAX_CODE_MESSAGES: Record<TaxCodeProblem, { vi: string; en: string }> = {
  format: {
    vi: 'Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu gạch ngang và 3 chữ số).',
    en: 'A tax code has 10 digits (a branch: 10 digits, a hyphen and 3 digits).',
  },
  branch: {
    vi: 'Mã chi nhánh sau dấu gạch ngang phải gồm 3 chữ số từ 001 đến 999.',
    en: 'The branch part after the hyphen must be 3 digits from 001 to 999.',
  },
  check_digit: {
    vi: 'Mã số thuế không đúng (chữ số kiểm tra thứ 10 không khớp). Hãy kiểm tra lại từng chữ số.',
    en: 'This tax code is not valid (its 10th, check digit does not match). Check each digit.',
  },
};
