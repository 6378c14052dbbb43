// An independent judge of login requests: it re-derives what is safe from the URL standard and DNS grammar
// instead of calling src/cpanel/host.ts, so a bug there cannot hide a bug in the builder.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const OCTET = /^(?:0|[1-9]\d{0,2})$/;

/** A lower-case DNS name, a dotted-quad IPv4 or a bracketed IPv6, in the form URL parsing keeps as is. */
export function isSafeHost(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const parts = host.split('.');
  if (parts.length === 4 && parts.every((part) => OCTET.test(part)))
    return parts.every((part) => Number(part) <= 255);
  if (host.startsWith('[')) return /^\[[0-9a-f:.]+\]$/.test(host) && host.includes(':');
  // A last label of digits only would be read as an IPv4 number ("1.2.3" or "2130706433").
  if (/^\d+$/.test(parts[parts.length - 1] ?? '')) return false;
  return parts.every((label) => LABEL.test(label));
}

export interface Expected {
  /** The hosts the URL may name (already lower-case). */
  hosts: string[];
  port: number;
  /** The `/cpsessN` the URL must carry. */
  token: string;
  session: string;
}

/** Throws with a reason unless `result` is a safe login request for `expected`. */
export function assertSafeLogin(result: unknown, expected: Expected): void {
  const fail: (reason: string) => never = (reason) => {
    throw new Error(`unsafe login request (${reason}): ${JSON.stringify(result)?.slice(0, 300)}`);
  };
  if (typeof result !== 'object' || result === null) fail('not an object');
  const { url, session, fields, ...rest } = result as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail('unexpected keys');
  if (typeof url !== 'string' || typeof session !== 'string') fail('url or session not a string');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // e.g. an "xn--" label that is no valid punycode: grammatical, but no browser can open it.
    parsed = fail('the URL does not parse, so it could never be opened');
  }
  if (parsed.href !== url) fail('the URL is not in canonical form');
  if (parsed.protocol !== 'https:') fail('not https');
  if (parsed.username !== '' || parsed.password !== '') fail('userinfo');
  if (parsed.search !== '' || parsed.hash !== '') fail('query or fragment');
  if (!isSafeHost(parsed.hostname)) fail('host grammar');
  if (!expected.hosts.includes(parsed.hostname)) fail('a host nobody named');
  const port = expected.port === 443 ? '' : String(expected.port);
  if (parsed.port !== port) fail('port');
  if (!/^\/cpsess\d+\/login$/.test(parsed.pathname)) fail('path');
  if (parsed.pathname !== `${expected.token}/login`) fail('token');
  if (session !== expected.session) fail('session changed');
  if (!/^[\x21-\x7e]+$/.test(session)) fail('session characters');
  if (session.length >= 8 && url.includes(session)) fail('session in the URL');
  if (fields !== undefined) {
    const entries = Object.entries(fields as Record<string, unknown>);
    const appOnly = entries.every(([name, value]) => name === 'app' && typeof value === 'string');
    if (!appOnly || !/^[A-Za-z0-9_*-]{1,64}$/.test(String((fields as { app?: unknown }).app)))
      fail('extra form fields');
  }
}

/** Throws unless `error` is the one allowed failure: invalid_response, quoting none of the server's secrets. */
export function assertInvalidResponse(error: unknown, secrets: unknown[]): void {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'invalid_response') throw new Error(`unexpected failure ${String(code)}: ${String(error)}`);
  if (typeof message !== 'string' || message.length === 0) throw new Error('an error without a message');
  for (const secret of secrets)
    if (typeof secret === 'string' && secret.length >= 8 && message.includes(secret))
      throw new Error('the error message quotes the session');
}
