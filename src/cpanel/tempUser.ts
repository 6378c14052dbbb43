import * as v from 'valibot';
import { SECURITY_TOKEN_PATTERN } from '../rules';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { tempUserSchema } from './schemas';
import { fetchJson, type TransportOptions } from './transport';
import { parseUapiResult } from './uapi';

/** A signed-in cPanel browser session: what Session::create_temp_user needs instead of an API token. */
export interface CpanelSessionBinding {
  host: string;
  port: number;
  /** `/cpsessN`, the security token of the session. */
  securityToken: string;
  /** `cpsession=…` for Node; in the browser leave undefined and the browser's own cookie is sent. */
  cookie?: string;
}

export interface TempUser {
  created: boolean;
  /** `cpses_…`, the temporary database user, when one was created. */
  user?: string;
}

// One header line of printable ASCII: `name=value`, optionally several joined by `; `.
const COOKIE = /^[\x20-\x7e]{1,4096}$/;

/**
 * Session::create_temp_user. It works only inside a cPanel session (token calls answer `created: 0`), so
 * it goes to `/cpsessN/execute/…` authenticated by the session cookie alone, with no Authorization header.
 */
export async function createTempUser(
  binding: CpanelSessionBinding,
  options: TransportOptions = {},
): Promise<TempUser> {
  const url = sessionApiUrl(binding, 'Session', 'create_temp_user');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (binding.cookie !== undefined) {
    if (!COOKIE.test(binding.cookie)) throw new LauncherError('bad_input', msg('error_cookie_malformed'));
    headers.Cookie = binding.cookie;
  }
  const body = await fetchJson(url, { headers, credentials: 'include' }, options);
  const parsed = v.safeParse(tempUserSchema, parseUapiResult(body, 'Session', 'create_temp_user'));
  if (!parsed.success) {
    throw new LauncherError('invalid_response', msg('error_answer_malformed', 'Session::create_temp_user'));
  }
  const { created, session_temp_user: user } = parsed.output;
  return created === 1 && user ? { created: true, user } : { created: created === 1 };
}

/** `https://host:port/cpsessN/execute/Module/function`, from parts that each passed a check. */
function sessionApiUrl(binding: CpanelSessionBinding, module: string, func: string): string {
  const host = typeof binding.host === 'string' ? binding.host.toLowerCase() : '';
  if (!isValidHost(host)) throw new LauncherError('bad_input', msg('error_host_invalid'));
  if (!Number.isInteger(binding.port) || binding.port < 1 || binding.port > 65_535) {
    throw new LauncherError('bad_input', msg('error_port_invalid'));
  }
  if (typeof binding.securityToken !== 'string' || !SECURITY_TOKEN_PATTERN.test(binding.securityToken)) {
    throw new LauncherError('bad_input', msg('error_security_token_malformed'));
  }
  return `https://${host}:${binding.port}${binding.securityToken}/execute/${module}/${func}`;
}
