import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { listPopsSchema } from './schemas';
import type { TransportOptions } from './transport';
import { parseUapiResult } from './uapi';
import { callWhm } from './whm';

/** One cPanel account as the directory needs it: who it is, who owns it, whether it may sign in. */
export interface WhmAccountRow {
  user: string;
  domain: string;
  /** The WHM user that owns it: root or a reseller. */
  owner: string;
  /** Suspended or locked: none of its mailboxes can sign in. */
  suspended: boolean;
}

// WHM writes flags as 0/1 numbers; older servers and proxies sometimes as strings.
const flag = v.optional(v.nullable(v.union([v.number(), v.string()])));
const on = (value: number | string | null | undefined) => Number(value) === 1;

/**
 * One `acct` entry of WHM listaccts, asked for with `want=` so only these keys come back (a key the server
 * does not know comes back as null: Whostmgr/API/1/Accounts.pm `listaccts`).
 */
const acctSchema = v.object({
  user: v.string(),
  domain: v.optional(v.nullable(v.string())),
  owner: v.optional(v.nullable(v.string())),
  suspended: flag,
  is_locked: flag,
});

/**
 * `data` of listaccts. With no account at all the server answers result 1 without `data`
 * (Accounts.pm: `return if !$count`), which reads as an empty list.
 */
const listacctsSchema = v.optional(
  v.nullable(v.object({ acct: v.optional(v.nullable(v.array(acctSchema))) })),
);

/** `data` of WHM list_pops_for: the account's addresses, sorted, without the main account (Whostmgr/Email.pm). */
const popsForSchema = v.object({ pops: v.array(v.string()) });

/** The fields the directory reads from listaccts, and nothing more (an account has ~50). */
export const LISTACCTS_WANT = 'user,domain,owner,suspended,is_locked';

/**
 * WHM listaccts: the cPanel accounts this token may see. A reseller token keeps only the accounts it owns
 * (Whostmgr/Accounts/List.pm filters on the owner for tokens without the "all" privilege; a reseller that has
 * it still sees only its own here), so the directory never asks about anyone else's mailboxes.
 */
export async function listWhmAccounts(
  credentials: Credentials,
  options: TransportOptions = {},
): Promise<WhmAccountRow[]> {
  const data = await callWhm(credentials, 'listaccts', { want: LISTACCTS_WANT }, options);
  const parsed = v.safeParse(listacctsSchema, data);
  if (!parsed.success)
    throw new LauncherError('invalid_response', msg('error_answer_shape', 'WHM listaccts'));
  const root = credentials.username === 'root';
  const rows: WhmAccountRow[] = [];
  for (const acct of parsed.output?.acct ?? []) {
    const owner = acct.owner || 'root';
    if (!root && owner !== credentials.username) continue;
    rows.push({
      user: acct.user,
      domain: (acct.domain ?? '').toLowerCase(),
      owner,
      suspended: on(acct.suspended) || on(acct.is_locked),
    });
  }
  return rows;
}

/** WHM list_pops_for: every address of one cPanel account, lower-cased (the main account is not among them). */
export async function listPopsFor(
  credentials: Credentials,
  user: string,
  options: TransportOptions = {},
): Promise<string[]> {
  const data = await callWhm(credentials, 'list_pops_for', { user }, options);
  const parsed = v.safeParse(popsForSchema, data);
  if (!parsed.success)
    throw new LauncherError('invalid_response', msg('error_answer_shape', 'WHM list_pops_for'));
  return parsed.output.pops.filter((pop) => pop.includes('@')).map((pop) => pop.toLowerCase());
}

/** One address of a cPanel account as the directory keeps it. */
export interface WhmMailboxRow {
  email: string;
  /** "Suspend login": cPanel still issues a session for it, and then refuses that session on 2096. */
  suspendedLogin: boolean;
}

/**
 * Every address of one cPanel account with its login suspension, through WHM `uapi_cpanel` running UAPI
 * `Email::list_pops` as that user (Whostmgr/API/1/Cpanel.pm: the owner check is
 * `Whostmgr::Authz::verify_account_access`, and WHM answers result 1 even when the UAPI call failed, so the
 * inner status is checked too). list_pops_for names the addresses only (Whostmgr/Email.pm).
 */
export async function listMailboxesOf(
  credentials: Credentials,
  user: string,
  options: TransportOptions = {},
): Promise<WhmMailboxRow[]> {
  const params = {
    'cpanel.user': user,
    'cpanel.module': 'Email',
    'cpanel.function': 'list_pops',
    skip_main: '1',
  };
  const data = await callWhm(credentials, 'uapi_cpanel', params, options);
  const wrapped = v.safeParse(v.object({ uapi: v.unknown() }), data);
  if (!wrapped.success)
    throw new LauncherError('invalid_response', msg('error_answer_shape', 'WHM uapi_cpanel'));
  const pops = v.safeParse(listPopsSchema, parseUapiResult(wrapped.output.uapi, 'Email', 'list_pops'));
  if (!pops.success) throw new LauncherError('invalid_response', msg('error_mailbox_list_shape'));
  return pops.output
    .filter((pop) => pop.login !== 'Main Account' && pop.email.includes('@'))
    .map((pop) => ({ email: pop.email.toLowerCase(), suspendedLogin: Number(pop.suspended_login) === 1 }));
}

/**
 * Lists accounts' mailboxes for one indexing run: `uapi_cpanel` first (it knows login suspension); where the
 * server refuses it and `list_pops_for` answers (a token without that privilege, an account without the mail
 * feature), the rest of the run asks list_pops_for only, so a refusal costs one extra request, not one each.
 */
export function mailboxLister(
  credentials: Credentials,
  options: TransportOptions = {},
): (user: string) => Promise<WhmMailboxRow[]> {
  let plainOnly = false;
  const plain = async (user: string) =>
    (await listPopsFor(credentials, user, options)).map((email) => ({ email, suspendedLogin: false }));
  return async (user) => {
    if (plainOnly) return plain(user);
    try {
      return await listMailboxesOf(credentials, user, options);
    } catch (error) {
      if ((error as { code?: string }).code !== 'api_error') throw error;
      const rows = await plain(user);
      plainOnly = true;
      return rows;
    }
  };
}
