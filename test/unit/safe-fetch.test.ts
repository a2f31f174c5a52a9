import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, isPrivateAddress, safeFetch } from '../../src/sources/safe-fetch.ts';
import { startServer, type TestServer } from '../fakes/http-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

describe('safeFetch', () => {
  it('classifies private and public addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'fd00::1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '2606:4700::6810:85e5', '8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses loopback unless private fetches are allowed', async () => {
    server = await startServer((_req, res) => res.end('hello'));
    expect((await failure(safeFetch(server.url))).kind).toBe('blocked');
    expect((await failure(safeFetch(server.url.replace('127.0.0.1', 'localhost')))).kind).toBe(
      'blocked',
    );
    expect(server.requests).toHaveLength(0);
    const ok = await safeFetch(server.url, { allowPrivate: true });
    expect(ok.body.toString()).toBe('hello');
  });

  it('refuses schemes other than http and https', async () => {
    expect((await failure(safeFetch('file:///etc/passwd'))).kind).toBe('bad-url');
  });

  it('stops reading a body over the size limit, even without a content-length', async () => {
    server = await startServer((_req, res) => {
      res.write(Buffer.alloc(600_000, 'a'));
      res.end(Buffer.alloc(600_000, 'a'));
    });
    const error = await failure(safeFetch(server.url, { allowPrivate: true, maxBytes: 1_000_000 }));
    expect(error.kind).toBe('too-large');
  });

  it('counts decompressed bytes against the limit and decodes gzip', async () => {
    const bomb = gzipSync(Buffer.alloc(3_000_000, 'a'));
    server = await startServer((req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(req.url === '/small' ? gzipSync('small body') : bomb);
    });
    expect((await safeFetch(`${server.url}/small`, { allowPrivate: true })).body.toString()).toBe(
      'small body',
    );
    expect(
      (await failure(safeFetch(server.url, { allowPrivate: true, maxBytes: 1_000_000 }))).kind,
    ).toBe('too-large');
  });

  it('follows a few redirects and refuses a loop', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/final') {
        res.end('done');
        return;
      }
      const n = Number(req.url?.slice(1) || 0);
      res.statusCode = 302;
      res.setHeader('location', req.url === '/loop' ? '/loop' : n >= 2 ? '/final' : `/${n + 1}`);
      res.end();
    });
    const ok = await safeFetch(`${server.url}/0`, { allowPrivate: true });
    expect(ok.body.toString()).toBe('done');
    expect(ok.url).toBe(`${server.url}/final`);
    expect(
      (await failure(safeFetch(`${server.url}/loop`, { allowPrivate: true, maxRedirects: 3 })))
        .kind,
    ).toBe('redirects');
  });

  it('gives up on a server that never answers', async () => {
    server = await startServer(() => {});
    expect((await failure(safeFetch(server.url, { allowPrivate: true, timeoutMs: 50 }))).kind).toBe(
      'timeout',
    );
  });
});
