import * as v from 'valibot';

/** Strings that may be shown to the user: the server's error texts. */
const messageList = v.nullable(v.array(v.string()));

/** What `/execute/Module/function` answers over HTTP: the flat UAPI result. */
export const uapiResultSchema = v.object({
  status: v.picklist([0, 1]),
  data: v.unknown(),
  errors: v.optional(messageList, null),
  messages: v.optional(messageList, null),
  warnings: v.optional(messageList, null),
  metadata: v.optional(v.unknown()),
});
export type UapiResult = v.InferOutput<typeof uapiResultSchema>;

/** The `uapi` command line prints the same result inside this wrapper; accept it too. */
export const uapiWrappedSchema = v.object({
  apiversion: v.optional(v.number()),
  module: v.optional(v.string()),
  func: v.optional(v.string()),
  result: uapiResultSchema,
});

/** `data` of Session::create_webmail_session_for_self / _for_mail_user / _check_password. */
export const webmailSessionSchema = v.object({
  hostname: v.nullable(v.string()),
  // Its length and characters are checked where the login request is built (login.ts).
  session: v.string(),
  token: v.string(),
});
export type WebmailSession = v.InferOutput<typeof webmailSessionSchema>;

/** One entry of Email::list_pops. The main account appears with `login: "Main Account"`. */
export const popSchema = v.object({
  email: v.string(),
  login: v.string(),
  suspended_login: v.optional(v.union([v.number(), v.string()])),
  suspended_incoming: v.optional(v.union([v.number(), v.string()])),
});
export const listPopsSchema = v.array(popSchema);
export type Pop = v.InferOutput<typeof popSchema>;

/** WHM API 1 answers `{data?, metadata: {result, reason}}`. */
export const whmResultSchema = v.object({
  data: v.optional(v.unknown()),
  metadata: v.object({
    result: v.picklist([0, 1]),
    reason: v.optional(v.string(), ''),
    command: v.optional(v.string()),
  }),
});

export const whmVersionSchema = v.object({ version: v.string() });

/** `data` of WHM create_user_session. `url` repeats the session in its query string; it is read, never opened. */
export const whmUserSessionSchema = v.object({
  cp_security_token: v.string(),
  expires: v.number(),
  service: v.picklist(['webmaild', 'cpaneld', 'whostmgrd']),
  session: v.string(),
  url: v.string(),
});
export type WhmUserSession = v.InferOutput<typeof whmUserSessionSchema>;

/** `data` of UAPI DomainInfo::list_domains. A missing or null list reads as empty; a wrong type does not. */
export const listDomainsSchema = v.object({
  // Every name is checked as a host name before use (domains.ts), an empty one included.
  main_domain: v.string(),
  addon_domains: v.optional(v.nullable(v.array(v.string())), []),
  sub_domains: v.optional(v.nullable(v.array(v.string())), []),
  parked_domains: v.optional(v.nullable(v.array(v.string())), []),
});

/** `data` of WHM getdomainowner: the owning cPanel user, or null when no account has the domain. */
export const domainOwnerSchema = v.object({ user: v.optional(v.nullable(v.string())) });

/** `data` of UAPI Session::create_temp_user: `created` 0 outside a cPanel browser session. */
export const tempUserSchema = v.object({
  created: v.picklist([0, 1]),
  session_temp_user: v.optional(v.string()),
});
