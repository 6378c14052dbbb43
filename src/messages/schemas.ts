// The one definition of every message a page may send: `Request` in ./contract.ts, the router and its
// handlers all derive their types from these schemas (v.InferInput), so a field is written once.
import * as v from 'valibot';
import type { AccountInput } from '../core/accountInput';
import type { WhmService } from '../cpanel/whmSession';

const id = v.pipe(
  v.string(),
  v.check((text) => text !== ''),
  v.maxLength(100),
);
const email = v.pipe(v.string(), v.maxLength(320));
const passphrase = v.pipe(v.string(), v.maxLength(1024));

/** A request with no fields besides its type. */
const nothing = v.object({});

/** Any object: the fields are checked by the handler, with a message per field (core/accountInput.ts). */
const accountFields = v.custom<AccountInput>((value) => typeof value === 'object' && value !== null);
const services: WhmService[] = ['cpaneld', 'whostmgrd', 'webmaild'];

/**
 * The fields of each request besides `type`, which chose the schema; field-level rules (host, token …) are
 * checked where they are used.
 */
export const requestSchemas = {
  'account.save': v.object({ account: accountFields }),
  'account.list': nothing,
  'account.remove': v.object({ id }),
  'account.update': v.object({
    id,
    changes: v.object({
      label: v.optional(v.string()),
      host: v.optional(v.string()),
      port: v.optional(v.number()),
      username: v.optional(v.string()),
      token: v.optional(v.string()),
      askPassword: v.optional(v.boolean()),
      locale: v.optional(v.string()),
    }),
  }),
  'account.reorder': v.object({
    ids: v.pipe(v.array(id), v.maxLength(1000)),
  }),
  'account.setDefault': v.object({ id }),
  'vault.status': nothing,
  'vault.enable': v.object({ passphrase }),
  'vault.disable': v.object({ passphrase }),
  'vault.change': v.object({ passphrase, newPassphrase: passphrase }),
  'vault.unlock': v.object({ passphrase }),
  'vault.lock': nothing,
  'accounts.export': v.object({ passphrase, vaultPassphrase: v.optional(passphrase) }),
  'accounts.import': v.object({
    file: v.pipe(v.string(), v.maxLength(5_000_000)),
    passphrase,
  }),
  'settings.get': nothing,
  'settings.set': v.object({
    settings: v.object({
      autoLockMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60))),
      sendFrom: v.optional(
        v.union([v.picklist(['ask', 'default']), v.object({ accountId: id, email: v.optional(email) })]),
      ),
      webmailAt: v.optional(
        v.pipe(
          v.record(id, v.picklist(['home', 'roundcube'])),
          v.check((map) => Object.keys(map).length <= 1000),
        ),
      ),
      prepareSignIn: v.optional(v.boolean()),
    }),
  }),
  'mailboxes.list': v.object({
    accountId: id,
    refresh: v.optional(v.boolean()),
  }),
  'mailboxes.compact': v.object({
    accountId: id,
    refresh: v.optional(v.boolean()),
    /** The version of the list the page holds: the reply leaves the list out when it is the same. */
    have: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  'mailboxes.head': v.object({ limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)) }),
  'directory.status': nothing,
  'webmail.open': v.object({
    accountId: id,
    email: v.optional(email),
    password: v.optional(v.pipe(v.string(), v.maxLength(1024))),
    /**
     * The sender posts the login form itself (the popup): a prepared session is then answered as `{login}`
     * instead of opening a launch tab.
     */
    acceptsLogin: v.optional(v.boolean()),
  }),
  'webmail.compose': v.object({
    to: v.pipe(v.string(), v.maxLength(100_000)),
    accountId: v.optional(id),
    email: v.optional(email),
  }),
  'webmail.prepare': v.object({ accountId: id, email: v.optional(email) }),
  'webmail.openForAddress': v.object({ email }),
  'session.open': v.object({
    accountId: id,
    service: v.picklist(services),
    user: v.optional(v.pipe(v.string(), v.maxLength(320))),
    app: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  'recents.get': nothing,
  'mailbox.pin': v.object({ accountId: id, email, pinned: v.boolean() }),
  /** Sent by the launch page only: its login request, handed over once. */
  'launch.claim': v.object({ launchId: id }),
  'launch.about': v.object({ launchId: id }),
  'launch.retry': v.object({
    target: v.variant('type', [
      v.object({ type: v.literal('webmail.open'), accountId: id, email: v.optional(email) }),
      v.object({
        type: v.literal('session.open'),
        accountId: id,
        service: v.picklist(['cpaneld', 'whostmgrd', 'webmaild']),
        user: v.optional(v.pipe(v.string(), v.maxLength(320))),
        app: v.optional(v.pipe(v.string(), v.maxLength(64))),
      }),
    ]),
  }),
  /** The cPanel sessions the extension opened and whose tabs are still open. */
  'cpanelSessions.list': nothing,
  /** Session::create_temp_user inside the cPanel session of that tab. */
  'cpanelSession.tempUser': v.object({
    tabId: v.pipe(v.number(), v.integer()),
  }),
} satisfies Record<string, v.GenericSchema>;
