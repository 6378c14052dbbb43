import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import type { TransportOptions } from './transport';
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
