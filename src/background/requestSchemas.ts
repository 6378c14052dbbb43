import * as v from 'valibot';
import type { RequestType } from '../messages/contract';

const id = v.pipe(
  v.string(),
  v.check((text) => text !== ''),
  v.maxLength(100),
);
const email = v.pipe(v.string(), v.maxLength(320));
const passphrase = v.pipe(v.string(), v.maxLength(1024));

/** A request with no fields besides its type. */
const nothing = v.object({});

/**
 * The fields of each request besides `type`, which chose the schema; field-level rules (host, token …) are
 * checked where they are used.
 */
export const requestSchemas = {
  // Any object (the same checks as v.record(v.string(), v.unknown()), without adding v.record to the worker).
  'account.save': v.object({ account: v.looseObject({}) }),
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
  'accounts.export': v.object({ passphrase }),
  'accounts.import': v.object({
    file: v.pipe(v.string(), v.maxLength(5_000_000)),
    passphrase,
  }),
  'settings.get': nothing,
  'settings.set': v.object({
    settings: v.object({
      autoLockMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60))),
    }),
  }),
  'mailboxes.list': v.object({
    accountId: id,
    refresh: v.optional(v.boolean()),
  }),
  'directory.status': nothing,
  'webmail.open': v.object({
    accountId: id,
    email: v.optional(email),
    password: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
  'webmail.openForAddress': v.object({ email }),
  'session.open': v.object({
    accountId: id,
    service: v.picklist(['cpaneld', 'whostmgrd', 'webmaild']),
    user: v.optional(v.pipe(v.string(), v.maxLength(320))),
    app: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  'recents.get': nothing,
  'mailbox.pin': v.object({ accountId: id, email, pinned: v.boolean() }),
  'launch.claim': v.object({ launchId: id }),
  'cpanelSessions.list': nothing,
  'cpanelSession.tempUser': v.object({
    tabId: v.pipe(v.number(), v.integer()),
  }),
} satisfies Record<RequestType, v.GenericSchema>;
