import * as v from 'valibot';
import { DEFAULT_API_PORT } from '../cpanel/credentials';
import { isValidHost, normalizeHost } from '../cpanel/host';
import type { MessageKey } from '../cpanel/messageKey';
import { API_TOKEN_PATTERN, LOCALE_PATTERN, USERNAME_PATTERN } from '../rules';

/** A check's message is its catalogue key, worded in the user's language where it is shown. */
const key = (name: MessageKey & `error_input_${string}`) => name;

/** What the options page sends to add an account, checked field by field with a message per field. */
export const accountInputSchema = v.pipe(
  v.object({
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80, key('error_input_label_long')))),
    kind: v.picklist(['cpanel', 'whm'], key('error_input_kind')),
    host: v.pipe(
      v.string(key('error_input_host_missing')),
      v.transform(normalizeHost),
      v.check(isValidHost, key('error_input_host_invalid')),
    ),
    port: v.optional(
      v.pipe(
        v.number(),
        v.integer(key('error_input_port_whole')),
        v.minValue(1, key('error_input_port_range')),
        v.maxValue(65535, key('error_input_port_range')),
      ),
    ),
    username: v.pipe(
      v.string(key('error_input_user_missing')),
      v.trim(),
      v.regex(USERNAME_PATTERN, key('error_input_user_chars')),
    ),
    askPassword: v.optional(v.boolean()),
    locale: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        // `en-GB` as browsers write it becomes cPanel's `en_gb`.
        v.transform((text: string) => text.toLowerCase().replace(/-/g, '_')),
        v.check((text) => text === '' || LOCALE_PATTERN.test(text), key('error_input_locale')),
      ),
    ),
    token: v.pipe(
      v.string(key('error_input_token_missing')),
      v.trim(),
      v.regex(API_TOKEN_PATTERN, key('error_input_token_format')),
    ),
  }),
  v.transform((input) => ({
    ...input,
    label: input.label || `${input.username}@${input.host}`,
    port: input.port ?? DEFAULT_API_PORT[input.kind],
    askPassword: input.askPassword === true,
    locale: input.locale || undefined,
  })),
);

export type AccountInput = v.InferInput<typeof accountInputSchema>;
export type ValidAccountInput = v.InferOutput<typeof accountInputSchema>;
