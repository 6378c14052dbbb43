import * as v from 'valibot';
import { DEFAULT_API_PORT } from '../cpanel/credentials';
import { isValidHost, normalizeHost } from '../cpanel/host';

/** What the options page sends to add an account, checked field by field with a message per field. */
export const accountInputSchema = v.pipe(
  v.object({
    label: v.optional(
      v.pipe(v.string(), v.trim(), v.maxLength(80, 'The label is longer than 80 characters.')),
    ),
    kind: v.picklist(['cpanel', 'whm'], 'Choose a cPanel or a WHM token.'),
    host: v.pipe(
      v.string('Enter the server address.'),
      v.transform(normalizeHost),
      v.check(isValidHost, 'The server address is not a valid host name, e.g. server.example.com.'),
    ),
    port: v.optional(
      v.pipe(
        v.number(),
        v.integer('The port must be a whole number.'),
        v.minValue(1, 'The port must be between 1 and 65535.'),
        v.maxValue(65535, 'The port must be between 1 and 65535.'),
      ),
    ),
    username: v.pipe(
      v.string('Enter the user name.'),
      v.trim(),
      v.regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/i, 'The user name may contain letters, digits, “_”, “.” and “-”.'),
    ),
    askPassword: v.optional(v.boolean()),
    locale: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.toLowerCase(),
        v.regex(
          /^([a-z]{2,3}(_[a-z0-9]{2,8})*)?$/,
          'The locale is a cPanel locale name such as en, de or pt_br.',
        ),
      ),
    ),
    token: v.pipe(
      v.string('Paste the API token.'),
      v.trim(),
      v.regex(
        /^[0-9A-Z]{32}$/,
        'An API token is 32 capital letters and digits, as cPanel shows it once on creation.',
      ),
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
