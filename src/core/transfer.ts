import * as v from 'valibot';
import { LauncherError, type Message, msg } from '../cpanel/errors';
import { MIN_PASSPHRASE_LENGTH, PBKDF2_ITERATIONS } from '../rules';
import { accountInputSchema, type ValidAccountInput } from './accountInput';
import { inputIssueKey } from './accountInputIssue';
import type { AccountRepository } from './accounts';
import { deriveKey, fromBase64, isBase64, randomBytes, seal, toBase64, unseal } from './crypto';

const FORMAT = 'webmail-launcher-accounts';
const VERSION = 2;
/** Bound to each ciphertext of the file as additional data: a blob opens only as what it was made for. */
const AAD = `${FORMAT}/${VERSION}`;
/** Sealed apart from the list: telling a wrong passphrase (this fails) from a changed file (the list fails). */
const CHECK_TEXT = 'webmail-launcher export check';

const base64 = v.pipe(v.string(), v.check(isBase64));
const sealedSchema = v.object({ iv: base64, data: base64 });
// Fixed values are one-item picklists: the worker has picklist already, and literal would add its code.
const headerSchema = v.looseObject({ format: v.picklist([FORMAT]), version: v.number() });
const fileSchema = v.object({
  format: v.picklist([FORMAT]),
  version: v.picklist([VERSION]),
  kdf: v.object({
    name: v.picklist(['PBKDF2-SHA-256']),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
    salt: base64,
  }),
  check: sealedSchema,
  iv: base64,
  data: base64,
});
const listSchema = v.object({ accounts: v.array(v.unknown()) });
const entrySchema = v.looseObject({ token: v.string() });

export interface ImportResult<Reason = string> {
  imported: number;
  /** Why an entry was left out, in the user's language. */
  rejected: { index: number; reason: Reason }[];
}

/** What importAccounts gives back: each reason a message key (rendered by the worker's reply) or a text. */
export type ImportOutcome = ImportResult<Message | string>;

/**
 * Writes every account to a JSON text. The whole list (servers, user names, labels and tokens) leaves as one
 * AES-GCM ciphertext under a key derived from a passphrase the user chooses for this file (not the vault's),
 * so the file can travel to another browser and no one can change where a token goes without breaking it.
 */
export async function exportAccounts(accounts: AccountRepository, passphrase: string): Promise<string> {
  const entries = (await accounts.withTokens()).map(
    ({ label, kind, host, port, username, askPassword, locale, plaintextToken }) => ({
      label,
      kind,
      host,
      port,
      username,
      askPassword,
      ...(locale ? { locale } : {}),
      token: plaintextToken,
    }),
  );
  return sealExport(entries, passphrase);
}

/** The file for a list of entries as they are (tests make files with entries of any shape with it). */
export async function sealExport(entries: unknown[], passphrase: string): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new LauncherError('bad_input', msg('error_export_passphrase_short'));
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const file = {
    format: FORMAT,
    version: VERSION,
    kdf: { name: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    check: await seal(key, CHECK_TEXT, AAD),
    ...(await seal(key, JSON.stringify({ accounts: entries }), AAD)),
  };
  return JSON.stringify(file, null, 2);
}

/** The entries of an export file, or why it cannot be opened (a wrong passphrase, a changed file…). */
async function openExport(text: string, passphrase: string): Promise<unknown[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LauncherError('bad_input', msg('error_import_not_json'));
  }
  const header = v.safeParse(headerSchema, json);
  if (header.success && header.output.version === 1) {
    // Version 1 sealed only the tokens: its servers could have been changed without a trace.
    throw new LauncherError('bad_input', msg('error_security_import_old_version'));
  }
  const parsed = v.safeParse(fileSchema, json);
  if (!parsed.success) throw new LauncherError('bad_input', msg('error_import_not_export'));
  const { kdf, check, iv, data } = parsed.output;
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
  if ((await unseal(key, check, AAD).catch(() => undefined)) !== CHECK_TEXT) {
    throw new LauncherError('wrong_passphrase', msg('error_import_wrong_passphrase'));
  }
  const tampered = () => new LauncherError('bad_input', msg('error_security_import_tampered'));
  const plain = await unseal(key, { iv, data }, AAD).catch(() => {
    throw tampered();
  });
  let list: unknown;
  try {
    list = JSON.parse(plain);
  } catch {
    throw tampered();
  }
  const accounts = v.safeParse(listSchema, list);
  if (!accounts.success) throw tampered();
  return accounts.output.accounts;
}

/**
 * Adds the accounts of an exported file, all in one write. The whole file is opened and checked first: a
 * wrong passphrase or a file changed after export imports nothing. Each entry that is malformed or already
 * present is reported and skipped, and nothing that exists is changed.
 */
export async function importAccounts(
  accounts: AccountRepository,
  text: string,
  passphrase: string,
): Promise<ImportOutcome> {
  const entries = await openExport(text, passphrase);
  const existing = new Set((await accounts.list()).map(identity));
  const accepted: ValidAccountInput[] = [];
  const rejected: ImportOutcome['rejected'] = [];
  for (const [index, raw] of entries.entries()) {
    const entry = v.safeParse(entrySchema, raw);
    if (!entry.success) {
      rejected.push({ index, reason: msg('error_import_entry_no_token') });
      continue;
    }
    const input = v.safeParse(accountInputSchema, entry.output);
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
  await accounts.addMany(accepted);
  return { imported: accepted.length, rejected };
}

function identity(account: { kind: string; host: string; port: number; username: string }): string {
  return `${account.kind} ${account.username}@${account.host}:${account.port}`;
}
