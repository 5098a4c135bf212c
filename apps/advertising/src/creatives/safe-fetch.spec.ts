import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forbiddenAddress } from './address-class';
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

describe('safeFetch against a server of the test', () => {
  let server: Server;
  let base: string;
  // this test's own server is on loopback: let 127.0.0.1 through, and nothing else that is not public
  const onlyLoopbackServer = (address: string) => (address === '127.0.0.1' ? null : forbiddenAddress(address));
  const allowed = { ...limits, forbidden: onlyLoopbackServer };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      if (url === '/small') return response.end(Buffer.alloc(500, 1));
      if (url.startsWith('/hop/')) {
        const left = Number(url.slice(5));
        response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/small' });
        return response.end();
      }
      if (url === '/to-metadata') {
        response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
        return response.end();
      }
      if (url === '/to-other-loopback') {
        response.writeHead(307, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/small` });
        return response.end();
      }
      if (url === '/endless') {
        // no content-length: only counting while reading stops it
        const timer = setInterval(() => response.write(Buffer.alloc(400)), 1);
        response.on('close', () => clearInterval(timer));
        return;
      }
      if (url === '/declared-large') {
        response.writeHead(200, { 'content-length': '5000' });
        return response.end(Buffer.alloc(5000));
      }
      if (url === '/silent') return; // never answers
      response.writeHead(404);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a small file', async () => {
    expect(await safeFetch(`${base}/small`, allowed)).toEqual(Buffer.alloc(500, 1));
  });

  it('follows up to three redirects, checking each', async () => {
    expect((await safeFetch(`${base}/hop/2`, allowed)).length).toBe(500);
    await expect(safeFetch(`${base}/hop/3`, allowed)).rejects.toEqual(
      new UnsafeFetchRefusal('redirected more than 3 times'),
    );
  });

  it.each([
    ['/to-metadata', 'points at a link-local address'],
    ['/to-other-loopback', 'points at a loopback address'],
  ])('refuses a redirect %s to a forbidden address', async (path, reason) => {
    await expect(safeFetch(`${base}${path}`, allowed)).rejects.toEqual(new UnsafeFetchRefusal(reason));
  });

  it.each(['/endless', '/declared-large'])('stops reading %s past the size limit', async (path) => {
    await expect(safeFetch(`${base}${path}`, allowed)).rejects.toEqual(
      new UnsafeFetchRefusal('is larger than 1000 bytes'),
    );
  });

  it('gives up on a server that does not answer in time', async () => {
    await expect(safeFetch(`${base}/silent`, { ...allowed, timeoutMs: 200 })).rejects.toBeInstanceOf(
      UnsafeFetchRefusal,
    );
  });

  it('refuses an answer other than 200', async () => {
    await expect(safeFetch(`${base}/missing`, allowed)).rejects.toEqual(new UnsafeFetchRefusal('answered 404'));
  });
});
