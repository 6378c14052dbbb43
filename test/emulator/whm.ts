// WHM API 1 (/json-api/<function>?api.version=1 on 2087): version, create_user_session, listaccts,
// accountsummary, list_pops_for, uapi_cpanel, getdomainowner.
import { gotoUriForApp } from './apps';
import { PORT_BY_SERVICE, UNUSED_SESSION_MS, WHM_VERSION } from './constants';
import type { EmulatorContext } from './context';
import { WHM_TEXT } from './messages';
import type { CpanelAccountFixture, MailboxFixture, Service, WhmUserFixture } from './types';
import { runUapi } from './uapi';

export interface WhmMetadata {
  command: string;
  reason: string;
  result: 0 | 1;
  version: 1;
}

export interface WhmResponse {
  data?: unknown;
  metadata: WhmMetadata;
}

type WhmFunction = (ctx: EmulatorContext, caller: WhmUserFixture, params: URLSearchParams) => WhmResponse;

function ok(command: string, data: unknown, reason: string = WHM_TEXT.ok): WhmResponse {
  return { data, metadata: { command, reason, result: 1, version: 1 } };
}

// Failures carry no `data` key at all (examples.json).
function fail(command: string, reason: string): WhmResponse {
  return { metadata: { command, reason, result: 0, version: 1 } };
}

/** Lowercase percent-escapes, as cPanel writes them (`%3a`, `%2c`); decoders treat both cases alike. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

const SERVICES: readonly Service[] = ['cpaneld', 'whostmgrd', 'webmaild'];

const version: WhmFunction = () => ok('version', { version: WHM_VERSION });

const createUserSession: WhmFunction = (ctx, caller, params) => {
  const command = 'create_user_session';
  const user = params.get('user') ?? '';
  const service = params.get('service') ?? '';
  if (!params.has('user')) return fail(command, WHM_TEXT.requiredParameter('user'));
  if (!params.has('service')) return fail(command, WHM_TEXT.requiredParameter('service'));
  if (!SERVICES.includes(service as Service)) return fail(command, WHM_TEXT.invalidService(service));
  const { directory } = ctx;

  let sessionUser = user;
  if (service === 'whostmgrd') {
    // WHM sessions are for WHM users: yourself, or anyone if you are root.
    const target = directory.whmUser(user);
    if (!target) return fail(command, WHM_TEXT.unknownUser(user));
    if (target.user !== caller.user && caller.owns !== 'all') return fail(command, WHM_TEXT.notOwned(user));
  } else {
    let account: CpanelAccountFixture | undefined;
    let mailbox: MailboxFixture | undefined;
    if (user.includes('@')) {
      // An email address only makes sense for Webmail.
      const match = service === 'webmaild' ? directory.findMailbox(user) : undefined;
      account = match?.account;
      mailbox = match?.mailbox;
    } else {
      account = directory.account(user);
    }
    if (!account) return fail(command, WHM_TEXT.unknownUser(user));
    if (!directory.owns(caller, account)) return fail(command, WHM_TEXT.notOwned(user));
    if (account.suspended || mailbox?.suspendedLogin) return fail(command, WHM_TEXT.suspended(user));
    if (mailbox) sessionUser = mailbox.email;
  }

  const requestedToken = /^\/?(cpsess\d{10})$/.exec(params.get('cp_security_token') ?? '')?.[1];
  const app = params.get('app') || null;
  const locale = params.get('locale') || null;
  const issued = ctx.sessions.issue({
    user: sessionUser,
    service: service as Service,
    tag: 'create_user_session',
    app,
    locale,
    token: requestedToken ? `/${requestedToken}` : null,
  });
  return ok(
    command,
    {
      cp_security_token: issued.token,
      expires: Math.floor((issued.createdAt + UNUSED_SESSION_MS) / 1000),
      ...(locale ? { locale } : {}),
      service: issued.service,
      session: issued.session,
      url: sessionUrl(ctx, issued.service, issued.token, issued.session, params, app, locale),
    },
    WHM_TEXT.created,
  );
};

/**
 * `data.url` as Whostmgr/API/1/Session.pm builds it: `https://HOST:PORT/cpsessN/login/?` and the query of
 * Cpanel/HTTP/QueryString.pm `make_query_string` (keys sorted: goto_uri, locale, session). HOST is the
 * preferred_domain, else the server's public IP when its hostname does not resolve to it (`_public_ip`),
 * else its host. `app` never appears: it becomes the goto_uri looked up for it (apps.ts), or nothing.
 */
function sessionUrl(
  ctx: EmulatorContext,
  service: Service,
  token: string,
  session: string,
  params: URLSearchParams,
  app: string | null,
  locale: string | null,
): string {
  const host = params.get('preferred_domain') || ctx.publicIp || ctx.publicHost;
  const query: Record<string, string | null> = {
    goto_uri: gotoUriForApp(service, app),
    locale,
    session,
  };
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}=${encodeQueryValue(value)}`);
  return `https://${host}:${PORT_BY_SERVICE[service]}${token}/login/?${parts.join('&')}`;
}

function matcher(params: URLSearchParams): (value: string) => boolean {
  const search = params.get('search') ?? '';
  if (!search) return () => true;
  if (params.get('searchmethod') === 'exact') return (value) => value.toLowerCase() === search.toLowerCase();
  try {
    const regex = new RegExp(search, 'i');
    return (value) => regex.test(value);
  } catch {
    return (value) => value.toLowerCase().includes(search.toLowerCase());
  }
}

const SEARCH_TYPES = ['domain', 'ip', 'user', 'package', 'owner', 'domain_and_user'];

/**
 * One account as Whostmgr/Accounts/List.pm describes it (the keys this emulator can fill; listaccts and
 * accountsummary share them, as the stock code notes).
 */
function accountRow(ctx: EmulatorContext, a: CpanelAccountFixture): Record<string, unknown> {
  return {
    backup: 0,
    disklimit: 'unlimited',
    diskused: 'none',
    domain: a.mainDomain,
    email: `${a.user}@${a.mainDomain}`,
    ip: ctx.publicHost,
    is_locked: a.locked ? 1 : 0,
    maxpop: 'unlimited',
    owner: ctx.directory.ownerOf(a),
    partition: 'home',
    plan: 'default',
    suspended: a.suspended ? 1 : 0,
    suspendreason: a.suspended ? 'Suspended by the emulator fixture' : 'not suspended',
    suspendtime: a.suspended ? 1_700_000_000 : 0,
    theme: 'jupiter',
    user: a.user,
  };
}

/** Accounts.pm listaccts: `want` keeps only the named keys, an unknown one as null (`map { $_ => $acct->{$_} }`). */
function wanted(row: Record<string, unknown>, want: string | null): Record<string, unknown> {
  if (want === null) return row;
  return Object.fromEntries(want.split(',').map((key) => [key, row[key] ?? null]));
}

const listaccts: WhmFunction = (ctx, caller, params) => {
  const { directory } = ctx;
  const searchtype = params.get('searchtype') || 'user';
  if (params.has('searchtype') && !SEARCH_TYPES.includes(searchtype))
    return fail('listaccts', WHM_TEXT.unknownSearchType);
  const matches = matcher(params);
  // Like WHM, `searchtype=domain` looks at the main domain only; getdomainowner covers every domain.
  const field = (a: CpanelAccountFixture): string =>
    searchtype === 'domain' ? a.mainDomain : searchtype === 'owner' ? directory.ownerOf(a) : a.user;
  const acct = directory.fixture.accounts
    .filter((a) => directory.owns(caller, a) && matches(field(a)))
    .map((a) => wanted(accountRow(ctx, a), params.get('want')));
  return ok('listaccts', { acct });
};

/** Accounts.pm accountsummary: listaccts for one exact user (or main domain); none is a failure. */
const accountsummary: WhmFunction = (ctx, caller, params) => {
  const command = 'accountsummary';
  const user = params.get('user');
  const domain = params.get('domain');
  if (user === null && domain === null) return fail(command, WHM_TEXT.summaryNeedsUserOrDomain);
  const wantedName = (user ?? domain ?? '').toLowerCase();
  const acct = ctx.directory.fixture.accounts
    .filter((a) => ctx.directory.owns(caller, a))
    .filter((a) => (user !== null ? a.user : a.mainDomain).toLowerCase() === wantedName)
    .map((a) => accountRow(ctx, a));
  if (acct.length === 0) return { data: { acct }, metadata: fail(command, WHM_TEXT.noSuchAccount).metadata };
  return ok(command, { acct });
};

/**
 * Email.pm list_pops_for: the account's addresses, sorted, without the main account (Whostmgr/Email.pm
 * reads the account's email database). The stock code shows no owner check in the function itself; that a
 * reseller is refused another reseller's user is a guess, in WHM's words for other calls.
 */
const listPopsFor: WhmFunction = (ctx, caller, params) => {
  const command = 'list_pops_for';
  const user = params.get('user') ?? '';
  if (!user) return fail(command, WHM_TEXT.missingArgument('user'));
  const account = ctx.directory.account(user);
  if (!account) return fail(command, WHM_TEXT.noSuchUser(user));
  if (!ctx.directory.owns(caller, account)) return fail(command, WHM_TEXT.notYours(user));
  return ok(command, { pops: account.mailboxes.map((m) => m.email.toLowerCase()).sort() });
};

/**
 * Whostmgr/API/1/Cpanel.pm `uapi_cpanel`: a UAPI call run as a cPanel user the caller controls
 * (`Whostmgr::Authz::verify_account_access`), its whole UAPI result under `data.uapi`. WHM's own result is 1
 * even when the UAPI call failed: that failure is only in `data.uapi.status` and `errors`.
 */
const uapiCpanel: WhmFunction = (ctx, caller, params) => {
  const command = 'uapi_cpanel';
  for (const name of ['cpanel.user', 'cpanel.module', 'cpanel.function']) {
    if (!params.get(name)) return fail(command, WHM_TEXT.missingArgument(name));
  }
  const user = params.get('cpanel.user') as string;
  const account = ctx.directory.account(user);
  if (!account) return fail(command, WHM_TEXT.noSuchUser(user));
  if (!ctx.directory.owns(caller, account)) return fail(command, WHM_TEXT.notYours(user));
  const rest = new URLSearchParams(params);
  for (const name of ['cpanel.user', 'cpanel.module', 'cpanel.function', 'api.version']) rest.delete(name);
  const uapi = runUapi(
    ctx,
    { account, inSession: false },
    params.get('cpanel.module') as string,
    params.get('cpanel.function') as string,
    rest,
  );
  return ok(command, { uapi });
};

/**
 * Whostmgr/API/1/Accounts.pm `getdomainowner`: result 1 whether or not the domain has an owner; `user` is
 * null for a domain no account has, or one the caller does not control.
 */
const getdomainowner: WhmFunction = (ctx, caller, params) => {
  const domain = params.get('domain');
  if (domain === null) return fail('getdomainowner', WHM_TEXT.missingArgument('domain'));
  const account = ctx.directory.accountForDomain(domain);
  const visible = account !== undefined && ctx.directory.owns(caller, account);
  return ok('getdomainowner', { user: visible ? account.user : null });
};

const FUNCTIONS: Readonly<Record<string, WhmFunction>> = {
  version,
  create_user_session: createUserSession,
  listaccts,
  accountsummary,
  list_pops_for: listPopsFor,
  uapi_cpanel: uapiCpanel,
  getdomainowner,
};

export function runWhm(
  ctx: EmulatorContext,
  caller: WhmUserFixture,
  fn: string,
  params: URLSearchParams,
): unknown {
  // WHM API 0 is not emulated; answer with something a strict API 1 client must reject.
  if (params.get('api.version') !== '1') return { status: 0, statusmsg: WHM_TEXT.api0 };
  const handler = Object.hasOwn(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined;
  if (!handler) return fail(fn, WHM_TEXT.unknownFunction(fn));
  return handler(ctx, caller, params);
}
