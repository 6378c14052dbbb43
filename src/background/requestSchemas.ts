import * as v from 'valibot';
import type { RequestType } from '../messages/contract';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const email = v.pipe(v.string(), v.maxLength(320));

/** The envelope of each request; field-level rules (host, token …) are checked where they are used. */
export const requestSchemas = {
  'account.save': v.object({ type: v.literal('account.save'), account: v.record(v.string(), v.unknown()) }),
  'account.list': v.object({ type: v.literal('account.list') }),
  'account.remove': v.object({ type: v.literal('account.remove'), id }),
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
} satisfies Record<RequestType, v.GenericSchema>;
