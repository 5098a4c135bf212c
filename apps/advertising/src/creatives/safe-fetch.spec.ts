import { safeFetch, UnsafeFetchRefusal } from './safe-fetch';

const limits = { maxBytes: 1000, timeoutMs: 2000, maxRedirects: 3 };

describe('safeFetch', () => {
  it.each([
    ['http://127.0.0.1/a.png', 'points at a loopback address'],
    ['https://10.0.0.5/a.png', 'points at a private address'],
    ['http://169.254.169.254/latest/meta-data/', 'points at a link-local address'],
    ['http://[::1]/a.png', 'points at a loopback address'],
    ['http://[::ffff:127.0.0.1]/a.png', 'points at a IPv4-mapped address'],
    ['http://100.64.1.1/', 'points at a carrier-grade NAT address'],
    ['http://localhost/a.png', 'points at a loopback address'],
    ['file:///etc/passwd', 'must be http or https'],
    ['ftp://example.org/a.png', 'must be http or https'],
    ['https://user:pass@example.org/a.png', 'must not carry credentials'],
    ['not a url', 'is not an absolute URL'],
  ])('refuses %s before connecting', async (url, reason) => {
    await expect(safeFetch(url, limits)).rejects.toEqual(new UnsafeFetchRefusal(reason));
  });
});
