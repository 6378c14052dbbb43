// UAPI (/execute/<Module>/<function> on 2083): the functions the extension uses, answering with the flat
// {data, errors, messages, metadata, status, warnings} object of examples.json `uapi_flat`.
import type { EmulatorContext } from './context';
import { UAPI_TEXT } from './messages';
import { randomAlnum } from './random';
import type { CpanelAccountFixture, SessionTag } from './types';

export interface UapiEnvelope {
  data: unknown;
  errors: string[] | null;
  messages: string[] | null;
  metadata: Record<string, unknown>;
  status: 0 | 1;
  warnings: string[] | null;
}

export interface UapiCaller {
  account: CpanelAccountFixture;
  /** True when the call came through a cPanel browser session (/cpsessN/execute/… + cpsession cookie). */
  inSession: boolean;
}

type UapiFunction = (ctx: EmulatorContext, caller: UapiCaller, params: URLSearchParams) => UapiEnvelope;

// Key order matches the vendor's output.
export function ok(data: unknown, metadata: Record<string, unknown> = {}): UapiEnvelope {
  return { data, errors: null, messages: null, metadata, status: 1, warnings: null };
}

export function fail(error: string): UapiEnvelope {
  return { data: null, errors: [error], messages: null, metadata: {}, status: 0, warnings: null };
}

/**
 * Issues the Webmail session, or refuses a locale the server has not installed: the admin side checks the
 * name exactly against its list (Cpanel/Admin/Modules/Cpanel/session_call.pm `_get_and_validate_locale`),
 * after the mailbox checks. Without `locale` the account's own applies (Cpanel/API/Session.pm).
 */
function sessionData(
  ctx: EmulatorContext,
  caller: UapiCaller,
  user: string,
  tag: SessionTag,
  params: URLSearchParams,
): UapiEnvelope {
  const asked = params.get('locale');
  if (asked !== null && !ctx.locales.has(asked)) return fail(UAPI_TEXT.unknownLocale(asked));
  const issued = ctx.sessions.issue({
    user,
    service: 'webmaild',
    tag,
    locale: asked || caller.account.locale || null,
  });
  const data = { hostname: ctx.hostname, session: issued.session, token: issued.token };
  return ok(data, tag === 'CREATE_WEBMAIL_SESSION_FOR_SELF' ? { transformed: 1 } : {});
}

const createForSelf: UapiFunction = (ctx, caller, params) => {
  if (caller.account.sessionCreationDisabled) return fail(UAPI_TEXT.sessionCreationNotPermitted);
  return sessionData(ctx, caller, caller.account.user, 'CREATE_WEBMAIL_SESSION_FOR_SELF', params);
};

function createForMailUser(checkPassword: boolean): UapiFunction {
  return (ctx, caller, params) => {
    if (caller.account.sessionCreationDisabled) return fail(UAPI_TEXT.sessionCreationNotPermitted);
    const required = checkPassword ? ['domain', 'login', 'password'] : ['domain', 'login'];
    for (const name of required) if (!params.get(name)) return fail(UAPI_TEXT.missingArgument(name));
    const domain = params.get('domain') ?? '';
    // `login` is the local part; a full address is taken literally (login@domain) and so is not found.
    const email = `${params.get('login') ?? ''}@${domain}`;
    const { directory } = ctx;
    const mailbox = directory.ownsDomain(caller.account, domain)
      ? directory.mailboxOf(caller.account, email)
      : undefined;
    // Cpanel/AccessControl.pm `verify_user_access_to_account`: UserNotFound, for an unknown domain too (the
    // tree throws DomainDoesNotExist there, which the admin call does not pass on: the text is a guess).
    if (!mailbox) return fail(UAPI_TEXT.mailUserNotFound(email));
    // Only the _check_password variant looks at suspension, before the password (Cpanel/API/Session.pm);
    // the plain one hands out a session that the 2096 login then refuses (see login.ts).
    if (checkPassword && mailbox.suspendedLogin) return fail(UAPI_TEXT.loginsSuspended(mailbox.email));
    if (checkPassword && params.get('password') !== mailbox.password)
      return fail(UAPI_TEXT.incorrectPassword);
    const tag = checkPassword
      ? 'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER_CHECK_PASSWORD'
      : 'CREATE_WEBMAIL_SESSION_FOR_MAIL_USER';
    return sessionData(ctx, caller, mailbox.email, tag, params);
  };
}

// Only a real cPanel session (not a token) may create a temporary user; otherwise status 1, created 0.
const createTempUser: UapiFunction = (_ctx, caller) =>
  caller.inSession ? ok({ created: 1, session_temp_user: `cpses_${randomAlnum(10)}` }) : ok({ created: 0 });

const listPops: UapiFunction = (_ctx, caller, params) => {
  const { account } = caller;
  if (account.disabledFeatures?.includes('popaccts')) return fail(UAPI_TEXT.featureMissing('popaccts'));
  const regexText = params.get('regex');
  let regex: RegExp | null = null;
  if (regexText) {
    try {
      regex = new RegExp(regexText);
    } catch {
      return fail(UAPI_TEXT.invalidRegex(regexText));
    }
  }
  const entries = account.mailboxes.map((m) => ({
    email: m.email,
    login: m.email,
    suspended_incoming: m.suspendedIncoming ? 1 : 0,
    suspended_login: m.suspendedLogin ? 1 : 0,
  }));
  if (params.get('skip_main') !== '1') {
    entries.push({ email: account.user, login: 'Main Account', suspended_incoming: 0, suspended_login: 0 });
  }
  return ok(regex ? entries.filter((e) => regex.test(e.email)) : entries, { transformed: 1 });
};

const listDomains: UapiFunction = (_ctx, caller) => {
  const a = caller.account;
  return ok({
    main_domain: a.mainDomain,
    addon_domains: [...(a.addonDomains ?? [])],
    sub_domains: [...(a.subDomains ?? [])],
    parked_domains: [...(a.parkedDomains ?? [])],
  });
};

const MODULES: Readonly<Record<string, Readonly<Record<string, UapiFunction>>>> = {
  Session: {
    create_webmail_session_for_self: createForSelf,
    create_webmail_session_for_mail_user: createForMailUser(false),
    create_webmail_session_for_mail_user_check_password: createForMailUser(true),
    create_temp_user: createTempUser,
  },
  Email: { list_pops: listPops },
  DomainInfo: { list_domains: listDomains },
};

export function runUapi(
  ctx: EmulatorContext,
  caller: UapiCaller,
  module: string,
  fn: string,
  params: URLSearchParams,
): UapiEnvelope {
  const handler = Object.hasOwn(MODULES, module) ? MODULES[module]?.[fn] : undefined;
  if (!handler || !Object.hasOwn(MODULES[module] ?? {}, fn))
    return fail(UAPI_TEXT.unknownFunction(fn, module));
  return handler(ctx, caller, params);
}
