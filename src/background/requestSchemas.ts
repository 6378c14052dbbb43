import * as v from 'valibot';
import type { RequestType } from '../messages/contract';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const email = v.pipe(v.string(), v.maxLength(320));
const passphrase = v.pipe(v.string(), v.maxLength(1024));

/** The envelope of each request; field-level rules (host, token …) are checked where they are used. */
export const requestSchemas = {
  // Any object (the same checks as v.record(v.string(), v.unknown()), without adding v.record to the worker).
  'account.save': v.object({ type: v.literal('account.save'), account: v.looseObject({}) }),
  'account.list': v.object({ type: v.literal('account.list') }),
  'account.remove': v.object({ type: v.literal('account.remove'), id }),
  'account.update': v.object({
    type: v.literal('account.update'),
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
    type: v.literal('account.reorder'),
    ids: v.pipe(v.array(id), v.maxLength(1000)),
  }),
  'account.setDefault': v.object({ type: v.literal('account.setDefault'), id }),
  'vault.status': v.object({ type: v.literal('vault.status') }),
  'vault.enable': v.object({ type: v.literal('vault.enable'), passphrase }),
  'vault.disable': v.object({ type: v.literal('vault.disable'), passphrase }),
  'vault.change': v.object({ type: v.literal('vault.change'), passphrase, newPassphrase: passphrase }),
  'vault.unlock': v.object({ type: v.literal('vault.unlock'), passphrase }),
  'vault.lock': v.object({ type: v.literal('vault.lock') }),
  'accounts.export': v.object({ type: v.literal('accounts.export'), passphrase }),
  'accounts.import': v.object({
    type: v.literal('accounts.import'),
    file: v.pipe(v.string(), v.maxLength(5_000_000)),
    passphrase,
  }),
  'settings.get': v.object({ type: v.literal('settings.get') }),
  'settings.set': v.object({
    type: v.literal('settings.set'),
    settings: v.object({
      autoLockMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60))),
    }),
  }),
  'mailboxes.list': v.object({
    type: v.literal('mailboxes.list'),
    accountId: id,
    refresh: v.optional(v.boolean()),
  }),
  'webmail.open': v.object({
    type: v.literal('webmail.open'),
    accountId: id,
    email: v.optional(email),
    password: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
  'webmail.openForAddress': v.object({ type: v.literal('webmail.openForAddress'), email }),
  'session.open': v.object({
    type: v.literal('session.open'),
    accountId: id,
    service: v.picklist(['cpaneld', 'whostmgrd', 'webmaild']),
    user: v.optional(v.pipe(v.string(), v.maxLength(320))),
    app: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  'recents.get': v.object({ type: v.literal('recents.get') }),
  'mailbox.pin': v.object({ type: v.literal('mailbox.pin'), accountId: id, email, pinned: v.boolean() }),
  'launch.claim': v.object({ type: v.literal('launch.claim'), launchId: id }),
  'cpanelSessions.list': v.object({ type: v.literal('cpanelSessions.list') }),
  'cpanelSession.tempUser': v.object({
    type: v.literal('cpanelSession.tempUser'),
    tabId: v.pipe(v.number(), v.integer()),
  }),
} satisfies Record<RequestType, v.GenericSchema>;
