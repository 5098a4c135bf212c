import { payosDescriptionOf } from './payos-description';

describe('payosDescriptionOf', () => {
  it.each([
    ['Gói đọc báo Tuổi Trẻ tháng 12 năm 2026', 'Goi doc bao Tuoi Tre than'],
    ['ĐẶT MUA BÁO ĐIỆN TỬ', 'DAT MUA BAO DIEN TU'],
    ['  Quà   tặng\tbạn đọc  ', 'Qua tang ban doc'],
    ['Ủng hộ 💚 tòa soạn', 'Ung ho toa soan'],
    ['Thanh toan don hang 123456 ', 'Thanh toan don hang 12345'],
  ])('turns %j into %j', (description, expected) => {
    expect(payosDescriptionOf(description, 42)).toBe(expected);
  });

  it('falls back to the order code when nothing printable is left', () => {
    expect(payosDescriptionOf('💚💚', 9007199254740991)).toBe('9007199254740991');
  });
});
