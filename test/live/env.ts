// The live suite's configuration: which real server to test, read from LIVE_* environment variables.
// Pure (takes the environment as an argument) so the runner, the tests and unit checks share one reading.

export interface CpanelTarget {
  host: string;
  /** API port: 2083, or 443 for a cPanel reached as cpanel.example.com. */
  port: number;
  user: string;
  token: string;
  mailbox: string;
}

export interface WhmTarget {
  host: string;
  port: number;
  user: string;
  token: string;
  /** The cPanel user this token manages, for the cPanel sessions. */
  cpanelUser: string;
  /** The mailbox address for the Webmail session. */
  webmailUser: string;
}

export interface LiveConfig {
  cpanel: CpanelTarget | null;
  whm: WhmTarget | null;
  /** Other host names login URLs may point to: the server's own hostname, when it differs. */
  serverHostnames: string[];
  /** base64 SHA-256 SPKI hashes Chromium should trust (a self-signed certificate); empty for a real one. */
  trustSpki: string[];
  /** Where to save a screenshot of each signed-in page, or null for none. */
  screenshotDir: string | null;
}

export type Env = Readonly<Record<string, string | undefined>>;

export type LiveReading =
  | { kind: 'none' }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'ok'; config: LiveConfig };

interface Variable {
  name: string;
  meaning: string;
  example: string;
}

/** Every variable, in the order the help text lists them. */
export const VARIABLES: readonly Variable[] = [
  { name: 'LIVE_CPANEL_HOST', meaning: 'the host you reach cPanel on', example: 'server.example.com' },
  { name: 'LIVE_CPANEL_PORT', meaning: 'optional; 2083, or 443 for cpanel.example.com', example: '2083' },
  { name: 'LIVE_CPANEL_USER', meaning: 'the cPanel user name', example: 'exampleuser' },
  {
    name: 'LIVE_CPANEL_TOKEN',
    meaning: 'a cPanel API token of that user (never printed)',
    example: '<32 capital letters and digits>',
  },
  { name: 'LIVE_MAILBOX', meaning: 'a mailbox that cPanel user owns', example: 'info@example.com' },
  { name: 'LIVE_WHM_HOST', meaning: 'the host you reach WHM on', example: 'server.example.com' },
  { name: 'LIVE_WHM_PORT', meaning: 'optional; 2087, or 443 for whm.example.com', example: '2087' },
  { name: 'LIVE_WHM_USER', meaning: 'the WHM user: root or a reseller', example: 'root' },
  {
    name: 'LIVE_WHM_TOKEN',
    meaning: 'a WHM API token of that user (never printed)',
    example: '<32 capital letters and digits>',
  },
  {
    name: 'LIVE_WHM_CPANEL_USER',
    meaning: 'a cPanel user that WHM user manages; default LIVE_CPANEL_USER',
    example: 'exampleuser',
  },
  {
    name: 'LIVE_WHM_WEBMAIL_USER',
    meaning: 'a mailbox of such a user, for the Webmail session; default LIVE_MAILBOX',
    example: 'info@example.com',
  },
  {
    name: 'LIVE_SERVER_HOSTNAME',
    meaning: 'optional; the server’s own hostname, if cPanel signs you in there (comma-separated)',
    example: 'host.example.net',
  },
  {
    name: 'LIVE_TRUST_SPKI',
    meaning: 'optional; base64 SHA-256 SPKI of a self-signed certificate to trust (comma-separated)',
    example: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
  },
  {
    name: 'LIVE_SCREENSHOT_DIR',
    meaning: 'optional; save a screenshot of every signed-in page there',
    example: 'artifacts/live',
  },
];

const CPANEL_REQUIRED = ['LIVE_CPANEL_HOST', 'LIVE_CPANEL_USER', 'LIVE_CPANEL_TOKEN', 'LIVE_MAILBOX'];
const WHM_REQUIRED = ['LIVE_WHM_HOST', 'LIVE_WHM_USER', 'LIVE_WHM_TOKEN'];

// The same grammar the extension accepts for a host: a DNS name or an IPv4 literal.
const HOST = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;
const USER = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const TOKEN = /^[0-9A-Z]{32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SPKI = /^[A-Za-z0-9+/]{43}=$/;

function value(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function list(env: Env, name: string): string[] {
  return (value(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Reads the LIVE_* variables. With none of the server variables set, nothing is named: `none`. */
export function readLiveEnv(env: Env): LiveReading {
  const named = [...CPANEL_REQUIRED, ...WHM_REQUIRED, 'LIVE_CPANEL_PORT', 'LIVE_WHM_PORT'].some((name) =>
    value(env, name),
  );
  if (!named) return { kind: 'none' };
  const errors: string[] = [];
  const check = (name: string, ok: boolean, what: string): void => {
    // Never echo the value: it may be a token pasted into the wrong variable.
    if (!ok) errors.push(`${name} is not ${what}.`);
  };
  const required = (names: string[]): boolean => {
    const missing = names.filter((name) => !value(env, name));
    for (const name of missing) errors.push(`${name} is not set.`);
    return missing.length === 0;
  };
  const port = (name: string, fallback: number): number => {
    const text = value(env, name);
    const parsed = text === undefined ? fallback : Number(text);
    check(name, Number.isInteger(parsed) && parsed > 0 && parsed < 65536, 'a port number');
    return parsed;
  };

  let cpanel: CpanelTarget | null = null;
  if (CPANEL_REQUIRED.some((name) => value(env, name)) || value(env, 'LIVE_CPANEL_PORT')) {
    if (required(CPANEL_REQUIRED)) {
      cpanel = {
        host: (value(env, 'LIVE_CPANEL_HOST') as string).toLowerCase(),
        port: port('LIVE_CPANEL_PORT', 2083),
        user: value(env, 'LIVE_CPANEL_USER') as string,
        token: value(env, 'LIVE_CPANEL_TOKEN') as string,
        mailbox: (value(env, 'LIVE_MAILBOX') as string).toLowerCase(),
      };
      check('LIVE_CPANEL_HOST', HOST.test(cpanel.host), 'a host name or IPv4 address (no scheme, no port)');
      check('LIVE_CPANEL_USER', USER.test(cpanel.user), 'a cPanel user name');
      check('LIVE_CPANEL_TOKEN', TOKEN.test(cpanel.token), 'an API token (32 capital letters and digits)');
      check('LIVE_MAILBOX', EMAIL.test(cpanel.mailbox), 'an email address');
    }
  }

  let whm: WhmTarget | null = null;
  const whmNamed = WHM_REQUIRED.some((name) => value(env, name)) || value(env, 'LIVE_WHM_PORT');
  if (whmNamed && required(WHM_REQUIRED)) {
    const cpanelUser = value(env, 'LIVE_WHM_CPANEL_USER') ?? value(env, 'LIVE_CPANEL_USER');
    const webmailUser = value(env, 'LIVE_WHM_WEBMAIL_USER') ?? value(env, 'LIVE_MAILBOX');
    if (!cpanelUser) errors.push('LIVE_WHM_CPANEL_USER is not set (nor LIVE_CPANEL_USER).');
    if (!webmailUser) errors.push('LIVE_WHM_WEBMAIL_USER is not set (nor LIVE_MAILBOX).');
    whm = {
      host: (value(env, 'LIVE_WHM_HOST') as string).toLowerCase(),
      port: port('LIVE_WHM_PORT', 2087),
      user: value(env, 'LIVE_WHM_USER') as string,
      token: value(env, 'LIVE_WHM_TOKEN') as string,
      cpanelUser: cpanelUser ?? '',
      webmailUser: (webmailUser ?? '').toLowerCase(),
    };
    check('LIVE_WHM_HOST', HOST.test(whm.host), 'a host name or IPv4 address (no scheme, no port)');
    check('LIVE_WHM_USER', USER.test(whm.user), 'a WHM user name');
    check('LIVE_WHM_TOKEN', TOKEN.test(whm.token), 'an API token (32 capital letters and digits)');
    if (cpanelUser) check('LIVE_WHM_CPANEL_USER', USER.test(cpanelUser), 'a cPanel user name');
    if (webmailUser) check('LIVE_WHM_WEBMAIL_USER', EMAIL.test(webmailUser), 'an email address');
  }

  const serverHostnames = list(env, 'LIVE_SERVER_HOSTNAME').map((host) => host.toLowerCase());
  for (const host of serverHostnames) check('LIVE_SERVER_HOSTNAME', HOST.test(host), 'a list of host names');
  const trustSpki = list(env, 'LIVE_TRUST_SPKI');
  for (const spki of trustSpki) check('LIVE_TRUST_SPKI', SPKI.test(spki), 'a list of base64 SHA-256 hashes');

  if (errors.length > 0) return { kind: 'invalid', errors };
  return {
    kind: 'ok',
    config: {
      cpanel,
      whm,
      serverHostnames,
      trustSpki,
      screenshotDir: value(env, 'LIVE_SCREENSHOT_DIR') ?? null,
    },
  };
}

/** The hosts the live build is granted, one per named server. */
export function liveHosts(config: LiveConfig): string[] {
  return [...new Set([config.cpanel?.host, config.whm?.host].filter((host): host is string => !!host))];
}

/** Values that must never appear in any output: the tokens and the wrong tokens derived from them. */
export function secretsOf(config: LiveConfig): string[] {
  const tokens = [config.cpanel?.token, config.whm?.token].filter((token): token is string => !!token);
  return [...tokens, ...tokens.map(wrongToken)];
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A token of the right shape that the server must refuse: every character moved 13 places along the
 * token alphabet, so it differs from the real one everywhere yet passes the extension's format check.
 */
export function wrongToken(token: string): string {
  return [...token]
    .map((c) => {
      const index = ALPHABET.indexOf(c);
      return index < 0 ? c : (ALPHABET[(index + 13) % ALPHABET.length] as string);
    })
    .join('');
}

/** The help text for a run with nothing named. */
export function usage(): string {
  const width = Math.max(...VARIABLES.map((variable) => variable.name.length));
  const lines = VARIABLES.map(
    (variable) =>
      `  ${variable.name.padEnd(width)}  ${variable.meaning}\n  ${''.padEnd(width)}  e.g. ${variable.example}`,
  );
  return [
    'npm run test:live runs the end-to-end flows against a real cPanel/WHM server named by these variables:',
    '',
    ...lines,
    '',
    'Name a cPanel account (LIVE_CPANEL_HOST, LIVE_CPANEL_USER, LIVE_CPANEL_TOKEN, LIVE_MAILBOX), a WHM',
    'account (LIVE_WHM_HOST, LIVE_WHM_USER, LIVE_WHM_TOKEN), or both. The server must answer on 2083/2087/2096',
    '(or cpanel./whm./webmail. subdomains on 443) with a certificate Chromium trusts. Example:',
    '',
    '  LIVE_CPANEL_HOST=server.example.com LIVE_CPANEL_USER=exampleuser \\',
    '  LIVE_CPANEL_TOKEN=... LIVE_MAILBOX=info@example.com npm run test:live',
  ].join('\n');
}
