import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { uapiResultSchema, uapiWrappedSchema } from './schemas';
import { getJson, postForm, type QueryParams, type TransportOptions } from './transport';

/**
 * Calls UAPI `Module::function` through `/execute/` and returns its `data` once the result says success.
 * Accepts the flat result that HTTP returns and the `{result: …}` wrapper that the command line prints.
 */
export async function callUapi(
  credentials: Credentials,
  module: string,
  func: string,
  params: QueryParams = {},
  options: TransportOptions = {},
): Promise<unknown> {
  const body = await getJson(credentials, `/execute/${module}/${func}`, params, options);
  return parseUapiResult(body, module, func);
}

/** Like callUapi, with the parameters in a POST body: for calls that carry a password. */
export async function postUapi(
  credentials: Credentials,
  module: string,
  func: string,
  form: QueryParams = {},
  options: TransportOptions = {},
): Promise<unknown> {
  const body = await postForm(credentials, `/execute/${module}/${func}`, form, options);
  return parseUapiResult(body, module, func);
}

/**
 * Checks a UAPI answer (flat or command-line wrapped) and returns its `data`; status 0 becomes api_error
 * with the server's own texts. Shared by every way of reaching `/execute/`: token, form post or session.
 */
export function parseUapiResult(body: unknown, module: string, func: string): unknown {
  const wrapped = v.safeParse(uapiWrappedSchema, body);
  const flat = wrapped.success ? wrapped : v.safeParse(uapiResultSchema, body);
  if (!flat.success) {
    throw new LauncherError('invalid_response', msg('error_answer_shape', `${module}::${func}`));
  }
  const result = 'result' in flat.output ? flat.output.result : flat.output;
  if (result.status !== 1) {
    const reasons = result.errors?.filter((text) => text.trim() !== '') ?? [];
    // The server's own words are shown as they are; only our fallback is translated.
    throw new LauncherError(
      'api_error',
      reasons.length > 0 ? reasons.join(' ') : msg('error_call_failed', `${module}::${func}`),
    );
  }
  return result.data;
}
