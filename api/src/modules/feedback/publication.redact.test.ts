import { describe, it, expect } from 'vitest';
import { redact, personalDataIn, MASKS } from './publication.redact.ts';

describe('redact', () => {
  it.each([
    ['Gọi tôi 0905123456 nhé', 'phone'],
    ['SĐT: 0905 123 456', 'phone'],
    ['SĐT: 090.512.3456', 'phone'],
    ['Liên hệ +84 905 123 456.', 'phone'],
    ['Liên hệ +84905123456', 'phone'],
    ['Liên hệ 84905123456', 'phone'],
    ['Số bàn 0262 3812345', 'phone'],
    ['Máy bàn (0262) 3 812 345', 'phone'],
    ['CCCD 066201234567 của tôi', 'id_number'],
    ['CCCD 066 201 234 567', 'id_number'],
    ['CMND 241234567', 'id_number'],
    ['email an.nguyen+pa@gmail.com gửi', 'email'],
    ['Xe 47A-123.45 đỗ trên vỉa hè', 'plate'],
    ['Xe máy 47A1-234.56 chạy ẩu', 'plate'],
    ['Xe 47A 12345 đỗ sai', 'plate'],
    ['xe tải 29LD-123.45', 'plate'],
    ['Ô tô 51F12345 chắn lối', 'plate'],
    ['Nhà tôi ở số nhà 12 Lê Duẩn', 'house_number'],
    ['trước 45/3 đường Phan Bội Châu', 'house_number'],
    ['ở số 8 hẻm 12', 'house_number'],
  ])('masks %s (%s)', (input, kind) => {
    const r = redact(input);
    expect(r.found).toContain(kind);
    expect(r.text).toContain(MASKS[kind as keyof typeof MASKS]);
    expect(r.text).not.toMatch(/\d{4}/);
  });

  it('keeps ordinary numbers, dates, hours and money', () => {
    const text =
      'Từ ngày 12/5/2026 lúc 7 giờ, 3 người dân bị ngập, thiệt hại 2.500.000 đồng; đường dài 300 m.';
    expect(redact(text)).toEqual({ text, found: [] });
  });

  it.each([
    'Quốc lộ 14, km 1450+200, gần cầu số 2',
    'Họp lúc 14:30 ngày 27/11/2026, phòng 305',
    'Mã hồ sơ H12.34-2026-0012345',
    'Hẻm 12/3 Lê Duẩn ngập sâu 40 cm',
  ])('leaves %s alone', (text) => {
    expect(redact(text).found).toEqual([]);
  });

  it('masks the reporter’s name, whatever the case', () => {
    const r = redact('Tôi là NGUYỄN VĂN AN, nhà ở thôn 3. Nguyễn Văn  An xin phản ánh.', {
      names: ['Nguyễn Văn An'],
    });
    expect(r.text).toBe(`Tôi là ${MASKS.name}, nhà ở thôn 3. ${MASKS.name} xin phản ánh.`);
    expect(r.found).toEqual(['name', 'name']);
  });

  it('masks several things in one text and leaves the rest intact', () => {
    const r = redact('Ổ gà trước nhà, gọi 0987654321 hoặc a@b.vn; xe 47A-123.45 hay đỗ.');
    expect(r.text).toBe(`Ổ gà trước nhà, gọi ${MASKS.phone} hoặc ${MASKS.email}; xe ${MASKS.plate} hay đỗ.`);
  });

  it('personalDataIn lists what is still there (house numbers do not count)', () => {
    expect(personalDataIn('Số nhà 12 đường Lê Duẩn')).toEqual([]);
    expect(personalDataIn('gọi 0905123456, CCCD 066201234567').sort()).toEqual(['id_number', 'phone']);
  });
});
