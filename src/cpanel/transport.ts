import { authorizationHeader, type Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { rejectHtmlAnswer } from './htmlAnswer';
import { networkFailure } from './networkFailure';

export interface TransportOptions {
  /** Injected so Node tests can run against the emulator and the worker can use its own fetch. */
  fetch?: typeof fetch;
  /** Give up after this long; a hung server must not leave the user waiting forever. */
  timeoutMs?: number;
  /** The browser's name for why a request to `url` failed (e.g. `net::ERR_CERT_AUTHORITY_INVALID`). */
  explainNetworkError?: (url: string) => Promise<string | undefined>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export type QueryParams = Record<string, string | undefined>;

export function apiUrl(credentials: Credentials, path: string, params: QueryParams = {}): string {
  if (!isValidHost(credentials.host)) {
    throw new LauncherError('bad_input', msg('error_host_invalid'));
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  const search = query.size > 0 ? `?${query}` : '';
  return `https://${credentials.host}:${credentials.port}${path}${search}`;
}

/**
 * One authenticated GET that must answer JSON. Every way it can fail becomes a LauncherError with its own
 * code, so callers and the UI never see a bare TypeError or a parse error.
 */
export async function getJson(
  credentials: Credentials,
  path: string,
  params: QueryParams,
  options: TransportOptions = {},
): Promise<unknown> {
  const url = apiUrl(credentials, path, params);
  return fetchJson(
    url,
    { headers: { Authorization: authorizationHeader(credentials), Accept: 'application/json' } },
    options,
  );
}

/**
 * The same as getJson, but the parameters travel as a form body: for secrets such as a mailbox password,
 * which must not sit in a URL that proxies and the server's access log record.
 */
export async function postForm(
  credentials: Credentials,
  path: string,
  form: QueryParams,
  options: TransportOptions = {},
): Promise<unknown> {
  const url = apiUrl(credentials, path);
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  return fetchJson(
    url,
    {
      method: 'POST',
      headers: {
        Authorization: authorizationHeader(credentials),
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: body.toString(),
    },
    options,
  );
}

export interface JsonRequest {
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** 'omit' for token calls; 'include' only where a browser session cookie is the authentication. */
  credentials?: RequestCredentials;
}

/** One request to an already validated URL that must answer JSON, with the shared error mapping. */
export async function fetchJson(
  url: string,
  request: JsonRequest,
  options: TransportOptions = {},
): Promise<unknown> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const init: RequestInit = {
      method: request.method ?? 'GET',
      headers: request.headers,
      // A redirect here is a login page or a proxy, never an API answer; following it would also carry the
      // request to a place the user never named.
      redirect: 'manual',
      credentials: request.credentials ?? 'omit',
      cache: 'no-store',
      signal: controller.signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await doFetch(url, init);
    return await readJson(response);
  } catch (error) {
    if (error instanceof LauncherError) throw error;
    if (controller.signal.aborted) {
      throw new LauncherError('timeout', msg('error_timeout', Math.round(timeoutMs / 1000)));
    }
    throw networkFailure(
      new URL(url).origin,
      await options.explainNetworkError?.(url).catch(() => undefined),
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new LauncherError('not_json', msg('error_redirected'));
  }
  if (response.status === 401 || response.status === 403) {
    throw new LauncherError('auth_failed', msg('error_token_rejected', response.status));
  }
  const body = await response.text();
  rejectHtmlAnswer(body, response.status);
  if (!response.ok) {
    throw new LauncherError('api_error', msg('error_http_status', response.status));
  }
  try {
    return JSON.parse(body);
  } catch {
    const looksLikeHtml = /^\s*</.test(body);
    throw new LauncherError('not_json', msg(looksLikeHtml ? 'error_web_page' : 'error_not_api_data'));
  }
}
