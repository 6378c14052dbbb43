import type * as v from 'valibot';
import type { AccountSummary } from '../core/accounts';
import type { CompactMailboxes } from '../core/compactMailboxes';
import type { CpanelSessionSummary } from '../core/cpanelSessions';
import type { FirstRows } from '../core/firstRows';
import type { LaunchAbout } from '../core/launchAbout';
import type { MailboxRef } from '../core/recents';
import type { Settings } from '../core/settings';
import type { ImportResult } from '../core/transfer';
import type { IndexStatus } from '../core/whmIndex';
import type { Mailbox } from '../cpanel/email';
import type { ErrorCode } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import type { Verified } from '../cpanel/verify';
import type { MessageKey } from '../i18n/format';
import type { requestSchemas } from './schemas';

/**
 * Every message an extension page may send to the worker (docs/architecture.md, "Messages"), derived from its schema
 * in ./schemas.ts: `{ type }` plus the fields the schema accepts.
 */
export type Request = {
  [T in keyof RequestSchemas]: { type: T } & v.InferInput<RequestSchemas[T]>;
}[keyof RequestSchemas];
type RequestSchemas = typeof requestSchemas;

export type RequestType = Request['type'];

/** The success payload of each request, besides `ok: true`. */
export interface Replies {
  'account.save': { id: string; verified: Verified };
  'account.list': { accounts: AccountSummary[] };
  'account.remove': Record<string, never>;
  'account.update': { verified?: Verified };
  'account.reorder': Record<string, never>;
  'account.setDefault': Record<string, never>;
  'vault.status': { enabled: boolean; locked: boolean };
  'vault.enable': Record<string, never>;
  'vault.disable': Record<string, never>;
  'vault.change': Record<string, never>;
  'vault.unlock': { replayed?: boolean };
  'vault.lock': Record<string, never>;
  'accounts.export': { file: string };
  'accounts.import': ImportResult;
  'settings.get': { settings: Settings & { managed: (keyof Settings)[] } };
  'settings.set': Record<string, never>;
  'mailboxes.list': { mailboxes: Mailbox[] };
  /** `list` is left out when the request's `have` is already its `version`. */
  'mailboxes.compact': { version: string; list?: CompactMailboxes };
  'mailboxes.head': FirstRows;
  'directory.status': { statuses: IndexStatus[] };
  /** `{login}` only for `acceptsLogin` and a prepared session, which the sender posts at once; else the tab. */
  'webmail.open': { tabId: number } | { login: LoginRequest };
  'webmail.compose': { tabId: number };
  'webmail.prepare': Record<string, never>;
  'webmail.openForAddress': { tabId: number };
  'session.open': { tabId: number };
  'recents.get': { recent: MailboxRef[]; pinned: MailboxRef[] };
  'mailbox.pin': Record<string, never>;
  'cpanelSessions.list': { sessions: CpanelSessionSummary[] };
  'cpanelSession.tempUser': { user: string };
  'launch.claim': { login: LoginRequest };
  'launch.about': { about: LaunchAbout };
  'launch.retry': { tabId: number };
}

export interface ErrorReply {
  ok: false;
  /** `message` in the worker's language; `key` and `args`, when present, let a page show it in its own. */
  error: { code: ErrorCode; message: string; origin?: string; key?: MessageKey; args?: string[] };
}

export type Reply<T extends RequestType> = ({ ok: true } & Replies[T]) | ErrorReply;

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** What an account edit may change; `token` only when the user typed a new one. */
export type AccountUpdate = RequestOf<'account.update'>['changes'];
