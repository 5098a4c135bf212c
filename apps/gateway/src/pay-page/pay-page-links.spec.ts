import { payPageLinks } from './pay-page-links';

const TENANT = '11111111-1111-4111-8111-111111111111';
const PAYMENT = '22222222-2222-4222-8222-222222222222';
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789-_AB';

describe('the links of the pay pages', () => {
  it.each([
    ['https://pay.example.vn', 'no prefix'],
    ['https://example.vn/revenue', 'a path prefix'],
  ])('lead where they say from both pages, behind %s (%s)', (base) => {
    const page = new URL(`${base}/pay/${TENANT}/${PAYMENT}?token=${TOKEN}`);
    const status = new URL(`${base}/pay/${TENANT}/${PAYMENT}/status?token=${TOKEN}`);
    const resolve = (link: string, from: URL) => {
      const url = new URL(link, from);
      return `${url.pathname}${url.search}`;
    };
    const prefix = new URL(base).pathname.replace(/\/$/, '');
    const fromPage = payPageLinks('page', PAYMENT, TOKEN, 'vi');
    const fromStatus = payPageLinks('status', PAYMENT, TOKEN, 'en');
    expect(resolve(fromPage.form, page)).toBe(`${prefix}/pay/${TENANT}/${PAYMENT}`);
    expect(resolve(fromPage.status, page)).toBe(`${prefix}/pay/${TENANT}/${PAYMENT}/status?token=${TOKEN}&lang=vi`);
    expect(resolve(fromPage.otherLanguage, page)).toBe(`${prefix}/pay/${TENANT}/${PAYMENT}?token=${TOKEN}&lang=en`);
    expect(resolve(fromStatus.choose, status)).toBe(`${prefix}/pay/${TENANT}/${PAYMENT}?token=${TOKEN}&lang=en`);
    expect(resolve(fromStatus.otherLanguage, status)).toBe(
      `${prefix}/pay/${TENANT}/${PAYMENT}/status?token=${TOKEN}&lang=vi`,
    );
  });
});
