import * as v from 'valibot';
import { DEFAULT_API_PORT } from '../cpanel/credentials';
import { isValidHost, normalizeHost } from '../cpanel/host';
import { API_TOKEN_PATTERN, LOCALE_PATTERN, USERNAME_PATTERN } from '../rules';
import type { AccountSummary } from './accountSummary';

/** One account as an administrator's policy describes it (`storage.managed`, key `accounts`). */
const policyAccountSchema = v.object({
  label: v.optional(v.string()),
  kind: v.optional(v.picklist(['cpanel', 'whm']), 'cpanel'),
  host: v.pipe(v.string(), v.transform(normalizeHost), v.check(isValidHost)),
  port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))),
  username: v.pipe(v.string(), v.regex(USERNAME_PATTERN)),
  token: v.optional(v.pipe(v.string(), v.regex(API_TOKEN_PATTERN))),
  /** Set on the token-free copy kept for quick listing. */
  hasToken: v.optional(v.boolean()),
  askPassword: v.optional(v.boolean()),
  locale: v.optional(
    v.pipe(
      v.string(),
      v.transform((text: string) => text.toLowerCase()),
      v.regex(LOCALE_PATTERN),
    ),
  ),
});

export interface ManagedAccount {
  summary: AccountSummary;
  /** Set when the policy carries the token; otherwise the user adds it and it is sealed like any other. */
  token?: string;
}

/**
 * The accounts an administrator's policy pre-configures. Entries that do not validate are left out rather
 * than breaking the extension for everyone on the managed machines.
 */
export function managedAccounts(policy: unknown): ManagedAccount[] {
  const list = (policy as { accounts?: unknown } | undefined)?.accounts;
  if (!Array.isArray(list)) return [];
  const accounts: ManagedAccount[] = [];
  for (const entry of list) {
    const parsed = v.safeParse(policyAccountSchema, entry);
    if (!parsed.success) continue;
    const { label, kind, host, port, username, token, hasToken, askPassword, locale } = parsed.output;
    const finalPort = port ?? DEFAULT_API_PORT[kind];
    const summary: AccountSummary = {
      id: `managed:${kind}:${username}@${host}:${finalPort}`,
      label: label?.trim() || `${username}@${host}`,
      kind,
      host,
      port: finalPort,
      username,
      askPassword: askPassword === true,
      managed: true,
      needsToken: !token && !hasToken,
    };
    if (locale) summary.locale = locale;
    accounts.push(token ? { summary, token } : { summary });
  }
  return accounts;
}
