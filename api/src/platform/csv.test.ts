import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv.ts';

describe('csv', () => {
  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvField('Buôn Ma Thuột')).toBe('Buôn Ma Thuột');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+84905000001')).toBe("'+84905000001");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a BOM, CRLF line ends and a final line end', () => {
    expect(
      csvDocument([
        ['Tên', 'Số'],
        ['Ea Kar', 2],
      ]),
    ).toBe('\uFEFFTên,Số\r\nEa Kar,2\r\n');
  });
});
