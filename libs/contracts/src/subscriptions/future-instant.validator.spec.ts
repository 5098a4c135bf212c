import { isInstant } from './future-instant.validator';

describe('isInstant', () => {
  it.each(['2027-06-30T23:59:59+07:00', '2027-06-30T16:59:59Z', '2027-06-30T16:59Z', '2028-02-29T00:00:00.123Z'])(
    'accepts %s',
    (text) => expect(isInstant(text)).toBe(true),
  );

  it.each([
    '2027-06-30',
    '2027-06-30T23:59:59',
    '2027-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '30/06/2027',
    'tomorrow',
  ])('refuses %s', (text) => expect(isInstant(text)).toBe(false));
});
