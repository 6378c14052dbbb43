import * as v from 'valibot';
import type { RequestType } from '../messages/contract';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** The envelope of each request; field-level rules (host, token …) are checked where they are used. */
export const requestSchemas = {
  'account.save': v.object({ type: v.literal('account.save'), account: v.record(v.string(), v.unknown()) }),
  'account.list': v.object({ type: v.literal('account.list') }),
  'account.remove': v.object({ type: v.literal('account.remove'), id }),
  'webmail.open': v.object({
    type: v.literal('webmail.open'),
    accountId: id,
    email: v.optional(v.pipe(v.string(), v.maxLength(320))),
  }),
  'launch.claim': v.object({ type: v.literal('launch.claim'), launchId: id }),
} satisfies Record<RequestType, v.GenericSchema>;
