import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface SafeFetchOptions {
  /** Largest body accepted, counted while it streams in (after decompression). Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Deadline for the whole fetch, redirects included. Default 15 s. */
  timeoutMs?: number;
  /** Allow private, loopback and link-local addresses (tests with loopback fakes; intranets). */
  allowPrivate?: boolean;
  headers?: Readonly<Record<string, string>>;
  /** Aborts the fetch (shutdown): it then fails at once with kind `aborted`. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type FetchErrorKind =
  'bad-url' | 'blocked' | 'too-large' | 'timeout' | 'redirects' | 'network' | 'aborted';

/** Why a fetch was refused or failed; the message is safe to show and to log. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const USER_AGENT = 'sitrep/0.1 (news feed reader)';

/** Addresses a fetch of a user-supplied URL must never reach (SSRF), unless allowed. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, private, link-local, multicast and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup that refuses private addresses. It runs inside the socket's connect, so the
 * address checked is the address connected to (no gap for DNS rebinding).
 */
function guardedLookup(
  hostname: string,
  options: { all?: boolean },
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked || list.length === 0) {
      const refusal = new FetchError('blocked', `${hostname} resolves to a private address`);
      return callback(refusal as unknown as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

function requestOnce(
  url: URL,
  options: Required<Omit<SafeFetchOptions, 'headers' | 'signal'>> & {
    headers: Record<string, string>;
  },
  signal: AbortSignal,
  stop: AbortSignal | undefined,
): Promise<FetchResult> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) {
      reject(new FetchError('blocked', `${host} is a private address`));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        headers: {
          'user-agent': USER_AGENT,
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
        signal,
        ...(options.allowPrivate ? {} : { lookup: guardedLookup as unknown as typeof dnsLookup }),
      },
      (response) => {
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > options.maxBytes && !response.headers['content-encoding']) {
          response.destroy();
          reject(new FetchError('too-large', `response larger than ${options.maxBytes} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const body = decoded(response);
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy();
            body.destroy();
            reject(new FetchError('too-large', `response larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        body.on('end', () =>
          resolve({
            url: url.toString(),
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        body.on('error', (error) => reject(asFetchError(error, signal, stop)));
      },
    );
    request.on('error', (error) => reject(asFetchError(error, signal, stop)));
  });
}

function asFetchError(
  error: unknown,
  signal: AbortSignal,
  stop: AbortSignal | undefined,
): FetchError {
  if (error instanceof FetchError) return error;
  if (stop?.aborted) return new FetchError('aborted', 'stopped');
  if (signal.aborted) return new FetchError('timeout', 'timed out');
  const code = (error as NodeJS.ErrnoException).code;
  return new FetchError('network', code ?? (error as Error).message);
}

/**
 * GET with the limits a bot fetching URLs from a config file or a chat needs: http(s) only, a
 * deadline on every fetch, a body size limit enforced while streaming, a cap on redirects, and
 * no private, loopback or link-local destinations (checked at connect time, on every hop)
 * unless `allowPrivate` is set. Any status is returned; only transport problems throw.
 */
export async function safeFetch(
  input: string,
  options: SafeFetchOptions = {},
): Promise<FetchResult> {
  const settings = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? 5,
    timeoutMs: options.timeoutMs ?? 15_000,
    allowPrivate: options.allowPrivate ?? false,
    headers: { ...options.headers },
  };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('bad-url', 'not a URL');
  }
  if (options.signal?.aborted) throw new FetchError('aborted', 'stopped');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new FetchError(
          'bad-url',
          `only http and https URLs are fetched, not ${url.protocol}`,
        );
      const result = await requestOnce(url, settings, controller.signal, options.signal);
      const location = result.headers.location;
      if (![301, 302, 303, 307, 308].includes(result.status) || !location) return result;
      if (hop >= settings.maxRedirects)
        throw new FetchError('redirects', `more than ${settings.maxRedirects} redirects`);
      url = new URL(location, url);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}
