// Generated server answers for the login builders: mostly near-valid (so the accepting path is exercised
// too), mixed with the hostile and the absurd. Pieces are chosen to probe URL parsing: userinfo, ports,
// paths, `..`, `//`, percent-escapes, IPv4 shorthands, unicode look-alikes, whitespace, control characters.
import fc from 'fast-check';

const ODD_HOST_PIECES = [
  'example.com',
  'server.example.com',
  'webmail.example.com',
  'localhost',
  '127.0.0.1',
  '127.1',
  '0x7f.1',
  '2130706433',
  '[::1]',
  '::1',
  '[',
  ']',
  '.',
  '..',
  '/',
  '//',
  '\\',
  '@',
  'user:pass@',
  ':',
  ':2096',
  ':443',
  ':0',
  '?',
  '#',
  '%2e',
  '%2F',
  '%00',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\u202e',
  'ä',
  'exämple',
  'ｅｘａｍｐｌｅ',
  'ß',
  'İ',
  '١٢٣',

  'xn--',
  'xn--bcher-kva',
  '-',
  '_',
  '*',
  'evil.example',
  'a'.repeat(63),
  'b'.repeat(64),
  'javascript:',
  'https://',
  'file:',
] as const;

/** Strings that are almost hosts, and hosts that are almost strings. */
export const oddHost: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...ODD_HOST_PIECES), { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join(''));

export const validHost: fc.Arbitrary<string> = fc.oneof(
  fc.domain(),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.domain().map((domain) => domain.toUpperCase()),
);

/** Anything, sometimes of the right type. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(null, undefined, 0, -1, Number.NaN, true, [], {}, '', ' '),
);

const huge: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', '1', '.', 'é', '/'), fc.integer({ min: 254, max: 20_000 }))
  .map(([char, length]) => char.repeat(length));

/**
 * A label WHATWG URL parsing reads as a number: decimal, hex (`0x…`, even a bare `0x`) or octal (`0…`),
 * in either case. As the last label it turns the whole name into an IPv4 address (or a parse error).
 */
export const numericLabel: fc.Arbitrary<string> = fc.oneof(
  fc.bigInt({ min: 0n, max: 0x1_0000_0000n }).map(String),
  fc
    .tuple(fc.constantFrom('0x', '0X'), fc.stringMatching(/^[0-9a-fA-F]{0,9}$/))
    .map(([prefix, hex]) => `${prefix}${hex}`),
  fc.stringMatching(/^0[0-7]{1,12}$/),
  fc.constantFrom('0x', '0', '00', '08', '09', '0x7f000001', '0xffffffff', '0100000000000'),
);

/** Names with number-like labels: alone, dotted together, or after (or before) ordinary labels. */
export const numericHost: fc.Arbitrary<string> = fc.oneof(
  numericLabel,
  fc.array(numericLabel, { minLength: 2, maxLength: 5 }).map((labels) => labels.join('.')),
  fc.tuple(fc.domain(), numericLabel).map(([domain, label]) => `${domain}.${label}`),
  fc.tuple(numericLabel, fc.domain()).map(([label, domain]) => `${label}.${domain}`),
  fc.tuple(fc.ipV4(), fc.nat(3), numericLabel).map(([ip, index, label]) =>
    ip
      .split('.')
      .map((part, i) => (i === index ? label : part))
      .join('.'),
  ),
);

export const anyHost: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: validHost },
  { weight: 2, arbitrary: numericHost },
  { weight: 3, arbitrary: oddHost },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: huge },
);

const digits = fc.stringMatching(/^[0-9]{1,12}$/);

export const validToken: fc.Arbitrary<string> = digits.map((n) => `/cpsess${n}`);

const TOKEN_NOISE = [
  '/',
  '..',
  '/../',
  '//',
  '?',
  '#',
  ' ',
  '\n',
  '\u0000',
  '%2e',
  '١',
  'login',
  '@',
  ':',
] as const;

export const oddToken: fc.Arbitrary<string> = fc.oneof(
  digits.map((n) => `cpsess${n}`),
  fc
    .tuple(
      fc.constantFrom('/cpsess', 'cpsess', '//cpsess', '/CPSESS', ' /cpsess', '/cpsess/'),
      fc.oneof(digits, fc.constant('')),
      fc.array(fc.constantFrom(...TOKEN_NOISE), { maxLength: 3 }),
    )
    .map(([prefix, n, noise]) => `${prefix}${n}${noise.join('')}`),
  fc.string({ maxLength: 20 }),
);

export const anyToken: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: validToken },
  { weight: 2, arbitrary: oddToken },
  { weight: 1, arbitrary: garbage },
);

export const validSession: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.stringMatching(/^[A-Za-z0-9_]{16}$/),
    fc.constantFrom(
      'CREATE_WEBMAIL_SESSION_FOR_SELF',
      'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER',
      'create_user_session',
    ),
    fc.stringMatching(/^[0-9a-f]{32}$/),
  )
  .map(([user, middle, tag, hex]) => `${user}:${middle}:${tag},${hex}`);

export const anySession: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: validSession },
  { weight: 1, arbitrary: validSession.map((session) => `${session} `) },
  { weight: 1, arbitrary: validSession.map((session) => session.replace(':', '\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(4096), 'x'.repeat(4097), 'ü', 'a b') },
  { weight: 1, arbitrary: garbage },
);

/** `data` of Session::create_webmail_session_*: {hostname, session, token}, sometimes broken. */
export const webmailData: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      hostname: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 3, arbitrary: anyHost },
        { weight: 1, arbitrary: garbage },
      ),
      session: anySession,
      token: anyToken,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { hostname: fc.constant(null), session: validSession, token: validToken, extra: garbage },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: garbage },
);

export const anyPort: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(2096, 2083, 2087, 443) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 70_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 2096.5, Number.POSITIVE_INFINITY, 0, 80) },
);

const services = fc.constantFrom('webmaild', 'cpaneld', 'whostmgrd');

/** `data.url` of create_user_session: the https URL with the session in its query, or something worse. */
const sessionUrl: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', 'javascript://', 'https:///', 'HTTPS://', 'https://user:pw@'),
      anyHost,
      fc.constantFrom('', ':2087', ':2083', ':2096', ':443', ':99999', ':x'),
      fc.oneof(validToken, oddToken),
      fc.constantFrom('/login/?session=x', '/login/?session=x&app=Email_Accounts', '/?app=../../x', ''),
      fc.oneof(fc.constant(''), fc.stringMatching(/^&app=[A-Za-z0-9_*-]{1,70}$/), fc.constant('&app=a%20b')),
    )
    .map((parts) => parts.join('')),
  fc.webUrl(),
  fc.string({ maxLength: 40 }),
);

/** `data` of WHM create_user_session. */
export const whmData: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      cp_security_token: anyToken,
      expires: fc.oneof({ weight: 8, arbitrary: fc.integer() }, { weight: 1, arbitrary: garbage }),
      service: fc.oneof({ weight: 8, arbitrary: services }, { weight: 1, arbitrary: garbage }),
      session: anySession,
      url: fc.oneof({ weight: 8, arbitrary: sessionUrl }, { weight: 1, arbitrary: garbage }),
    }),
  },
  { weight: 1, arbitrary: garbage },
);
