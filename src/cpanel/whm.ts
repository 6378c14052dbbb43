import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { whmResultSchema } from './schemas';
import { getJson, type QueryParams, type TransportOptions } from './transport';

/** Calls WHM API 1 `/json-api/<function>?api.version=1` and returns `data` when `metadata.result` is 1. */
export async function callWhm(
  credentials: Credentials,
  func: string,
  params: QueryParams = {},
  options: TransportOptions = {},
): Promise<unknown> {
  const body = await getJson(credentials, `/json-api/${func}`, { 'api.version': '1', ...params }, options);
  const parsed = v.safeParse(whmResultSchema, body);
  if (!parsed.success) {
    throw new LauncherError('invalid_response', msg('error_answer_shape', `WHM ${func}`));
  }
  const { metadata, data } = parsed.output;
  // The server's reason is shown as it is; only our fallback is translated.
  if (metadata.result !== 1)
    throw new LauncherError('api_error', metadata.reason || msg('error_call_failed', `WHM ${func}`));
  return data;
}
