import type { AccountInput } from '../core/accountInput';
import type { AccountSummary } from '../core/accounts';
import type { CpanelSessionSummary } from '../core/cpanelSessions';
import type { MailboxRef } from '../core/recents';
import type { Settings } from '../core/settings';
import type { ImportResult } from '../core/transfer';
import type { IndexStatus } from '../core/whmIndex';
import type { Verified } from '../cpanel/verify';

/** What an edit may change; `token` only when the user typed a new one. */
export interface AccountUpdate {
  label?: string;
  host?: string;
  port?: number;
  username?: string;
  token?: string;
  askPassword?: boolean;
  locale?: string;
}

import type { Mailbox } from '../cpanel/email';
import type { ErrorCode } from '../cpanel/errors';
import type { LoginRequest } from '../cpanel/login';
import type { WhmService } from '../cpanel/whmSession';
import type { MessageKey } from '../i18n/format';

/** Every message an extension page may send to the worker (DESIGN.md, "Messages"). */
export type Request =
  | { type: 'account.save'; account: AccountInput }
  | { type: 'account.list' }
  | { type: 'account.remove'; id: string }
  | { type: 'account.update'; id: string; changes: AccountUpdate }
  | { type: 'account.reorder'; ids: string[] }
  | { type: 'account.setDefault'; id: string }
  | { type: 'vault.status' }
  | { type: 'vault.enable'; passphrase: string }
  | { type: 'vault.disable'; passphrase: string }
  | { type: 'vault.change'; passphrase: string; newPassphrase: string }
  | { type: 'vault.unlock'; passphrase: string }
  | { type: 'vault.lock' }
  | { type: 'accounts.export'; passphrase: string }
  | { type: 'accounts.import'; file: string; passphrase: string }
  | { type: 'settings.get' }
  | { type: 'settings.set'; settings: Partial<Settings> }
  | { type: 'mailboxes.list'; accountId: string; refresh?: boolean }
  /** How far the directory of each WHM account has got. */
  | { type: 'directory.status' }
  | { type: 'webmail.open'; accountId: string; email?: string; password?: string }
  | { type: 'webmail.openForAddress'; email: string }
  | { type: 'session.open'; accountId: string; service: WhmService; user?: string; app?: string }
  | { type: 'recents.get' }
  | { type: 'mailbox.pin'; accountId: string; email: string; pinned: boolean }
  /** The cPanel sessions the extension opened and whose tabs are still open. */
  | { type: 'cpanelSessions.list' }
  /** Session::create_temp_user inside the cPanel session of that tab. */
  | { type: 'cpanelSession.tempUser'; tabId: number }
  /** Sent by the launch page only: its login request, handed over once. */
  | { type: 'launch.claim'; launchId: string };

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
  'directory.status': { statuses: IndexStatus[] };
  'webmail.open': { tabId: number };
  'webmail.openForAddress': { tabId: number };
  'session.open': { tabId: number };
  'recents.get': { recent: MailboxRef[]; pinned: MailboxRef[] };
  'mailbox.pin': Record<string, never>;
  'cpanelSessions.list': { sessions: CpanelSessionSummary[] };
  'cpanelSession.tempUser': { user: string };
  'launch.claim': { login: LoginRequest };
}

export interface ErrorReply {
  ok: false;
  /** `message` in the worker's language; `key` and `args`, when present, let a page show it in its own. */
  error: { code: ErrorCode; message: string; origin?: string; key?: MessageKey; args?: string[] };
}

export type Reply<T extends RequestType> = ({ ok: true } & Replies[T]) | ErrorReply;

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
