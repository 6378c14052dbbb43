// The Authorization header: parsing, and checking it against the fixture for cPanel (2083) and WHM (2087).
import type { Directory } from './directory';
import { HTTP_TEXT } from './messages';
import type { AuthScheme, CpanelAccountFixture, WhmUserFixture } from './types';

export interface Credentials {
  scheme: AuthScheme;
  user: string;
  secret: string;
}

/** `cpanel USER:TOKEN`, `whm USER:TOKEN` or `Basic base64(user:password)`; null if absent or unreadable. */
export function parseAuthorization(header: string | undefined): Credentials | null {
  if (!header) return null;
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!match?.[1] || !match[2]) return null;
  const scheme = match[1].toLowerCase();
  let pair: string;
  if (scheme === 'basic') pair = Buffer.from(match[2], 'base64').toString('utf8');
  else if (scheme === 'cpanel' || scheme === 'whm') pair = match[2];
  else return null;
  const colon = pair.indexOf(':');
  if (colon <= 0) return null;
  return { scheme: scheme as AuthScheme, user: pair.slice(0, colon), secret: pair.slice(colon + 1) };
}

export interface Rejection {
  status: 401 | 403;
  body: string;
  headers: Record<string, string>;
}

const challenge = { 'WWW-Authenticate': 'Basic realm="cPanel"' };

const unauthorized: Rejection = { status: 401, body: HTTP_TEXT.accessDenied, headers: challenge };

export type CpanelAuth = { ok: true; account: CpanelAccountFixture } | { ok: false; rejection: Rejection };

/** Port 2083 accepts `cpanel` tokens and Basic passwords of cPanel accounts. */
export function authenticateCpanel(directory: Directory, creds: Credentials | null): CpanelAuth {
  if (!creds || creds.scheme === 'whm') return { ok: false, rejection: unauthorized };
  const account = directory.account(creds.user);
  const valid =
    account !== undefined &&
    (creds.scheme === 'cpanel' ? account.tokens.includes(creds.secret) : account.password === creds.secret);
  if (!account || !valid) return { ok: false, rejection: unauthorized };
  if (account.suspended) {
    return { ok: false, rejection: { status: 403, body: HTTP_TEXT.accountSuspended, headers: {} } };
  }
  return { ok: true, account };
}

export type WhmAuth = { ok: true; whm: WhmUserFixture } | { ok: false; rejection: Rejection };

/**
 * Port 2087 accepts `whm` tokens and Basic passwords of WHM users. A rejected token gets WHM's own 403
 * with the `cpanelresult` body served as text/plain (examples.json); a rejected password gets the 401 challenge.
 */
export function authenticateWhm(directory: Directory, creds: Credentials | null): WhmAuth {
  if (!creds) return { ok: false, rejection: unauthorized };
  const whm = directory.whmUser(creds.user);
  if (creds.scheme === 'basic') {
    if (whm?.password !== undefined && whm.password === creds.secret) return { ok: true, whm };
    return { ok: false, rejection: unauthorized };
  }
  if (creds.scheme === 'whm' && whm?.tokens.includes(creds.secret)) return { ok: true, whm };
  return {
    ok: false,
    rejection: { status: 403, body: JSON.stringify(HTTP_TEXT.whmAccessDenied), headers: {} },
  };
}
