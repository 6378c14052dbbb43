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
  session: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
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
