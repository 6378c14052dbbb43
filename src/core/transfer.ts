import * as v from 'valibot';
import { LauncherError, type Message, msg } from '../cpanel/errors';
import { MIN_PASSPHRASE_LENGTH, PBKDF2_ITERATIONS } from '../rules';
import { accountInputSchema, type ValidAccountInput } from './accountInput';
import { inputIssueKey } from './accountInputIssue';
import type { AccountRepository } from './accounts';
import { deriveKey, fromBase64, randomBytes, seal, toBase64, unseal } from './crypto';

const FORMAT = 'webmail-launcher-accounts';

const sealedSchema = v.object({ iv: v.string(), data: v.string() });
// Fixed values are one-item picklists: the worker has picklist already, and literal would add its code.
const fileSchema = v.object({
  format: v.picklist([FORMAT]),
  version: v.picklist([1]),
  kdf: v.object({
    name: v.picklist(['PBKDF2-SHA-256']),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
    salt: v.string(),
  }),
  accounts: v.array(v.unknown()),
});
const entrySchema = v.looseObject({ token: sealedSchema });

export interface ImportResult<Reason = string> {
  imported: number;
  /** Why an entry was left out, in the user's language. */
  rejected: { index: number; reason: Reason }[];
}

/** What importAccounts gives back: each reason a message key (rendered by the worker's reply) or a text. */
export type ImportOutcome = ImportResult<Message | string>;

/**
 * Writes every account to a JSON text. Tokens leave only encrypted under a key derived from a passphrase the
 * user chooses for this file (not the vault's), so the file can travel to another browser.
 */
export async function exportAccounts(accounts: AccountRepository, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new LauncherError('bad_input', msg('error_export_passphrase_short'));
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const entries = await Promise.all(
    (await accounts.withTokens()).map(
      async ({ label, kind, host, port, username, askPassword, locale, plaintextToken }) => ({
        label,
        kind,
        host,
        port,
        username,
        askPassword,
        ...(locale ? { locale } : {}),
        token: await seal(key, plaintextToken),
      }),
    ),
  );
  const file = {
    format: FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    accounts: entries,
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Adds the accounts of an exported file. The whole file is checked first; each entry that is malformed or
 * already present is reported and skipped, and nothing that exists is changed. A wrong passphrase imports
 * nothing.
 */
export async function importAccounts(
  accounts: AccountRepository,
  text: string,
  passphrase: string,
): Promise<ImportOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LauncherError('bad_input', msg('error_import_not_json'));
  }
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) throw new LauncherError('bad_input', msg('error_import_not_export'));
  const { kdf, accounts: entries } = parsed.output;
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);

  const existing = new Set((await accounts.list()).map(identity));
  const accepted: ValidAccountInput[] = [];
  const rejected: ImportOutcome['rejected'] = [];
  let decrypted = 0;
  for (const [index, raw] of entries.entries()) {
    const entry = v.safeParse(entrySchema, raw);
    if (!entry.success) {
      rejected.push({ index, reason: msg('error_import_entry_no_token') });
      continue;
    }
    const token = await unseal(key, entry.output.token).catch(() => undefined);
    if (token === undefined) {
      rejected.push({ index, reason: msg('error_import_entry_undecryptable') });
      continue;
    }
    decrypted += 1;
    const input = v.safeParse(accountInputSchema, { ...entry.output, token });
    if (!input.success) {
      const [issue] = input.issues;
      const key = inputIssueKey(issue);
      rejected.push({ index, reason: key ? msg(key) : issue.message });
      continue;
    }
    if (existing.has(identity(input.output))) {
      rejected.push({
        index,
        reason: msg('error_import_entry_exists', `${input.output.username}@${input.output.host}`),
      });
      continue;
    }
    existing.add(identity(input.output));
    accepted.push(input.output);
  }
  // Not one token opened: the passphrase is wrong, not the entries.
  if (entries.length > 0 && decrypted === 0) {
    throw new LauncherError('wrong_passphrase', msg('error_import_wrong_passphrase'));
  }
  for (const input of accepted) await accounts.add(input);
  return { imported: accepted.length, rejected };
}

function identity(account: { kind: string; host: string; port: number; username: string }): string {
  return `${account.kind} ${account.username}@${account.host}:${account.port}`;
}
