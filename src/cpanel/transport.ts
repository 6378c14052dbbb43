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
  /** The most a response body may hold; what the call's path can need when absent (see bodyLimit). */
  maxBodyBytes?: number;
  /** Which origins' certificates verified before: a later untrusted one is never to be accepted. */
  trust?: OriginTrust;
}

/** Origins whose certificate the browser once verified (any HTTPS answer proves it). */
export interface OriginTrust {
  once(origin: string): Promise<boolean>;
  remember(origin: string): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Lists (mailboxes, domains, WHM accounts) of the largest servers stay well under this. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A session, version or temp-user answer is a few hundred bytes. */
export const MAX_SESSION_BODY_BYTES = 64 * 1024;
const SMALL_ANSWERS = /^\/(?:cpsess\d+\/)?(?:execute\/Session\/|json-api\/(?:create_user_session|version)\b)/;

/** The cap for a call's body, by what its path can answer; a server or proxy must not flood the worker. */
export function bodyLimit(url: string): number {
  return SMALL_ANSWERS.test(new URL(url).pathname) ? MAX_SESSION_BODY_BYTES : MAX_BODY_BYTES;
}

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
    await options.trust?.remember(new URL(url).origin).catch(() => undefined);
    return await readJson(response, options.maxBodyBytes ?? bodyLimit(url));
  } catch (error) {
    if (error instanceof LauncherError) throw error;
    if (controller.signal.aborted) {
      throw new LauncherError('timeout', msg('error_timeout', Math.round(timeoutMs / 1000)));
    }
    const origin = new URL(url).origin;
    throw networkFailure(
      origin,
      await options.explainNetworkError?.(url).catch(() => undefined),
      await options.trust?.once(origin).catch(() => false),
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response, limit: number): Promise<unknown> {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new LauncherError('not_json', msg('error_redirected'));
  }
  if (response.status === 401 || response.status === 403) {
    throw new LauncherError('auth_failed', msg('error_token_rejected', response.status));
  }
  const body = await readCapped(response, limit);
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

/** The body as text, read chunk by chunk with a byte count: past `limit` the rest is never downloaded. */
async function readCapped(response: Response, limit: number): Promise<string> {
  const tooLarge = () =>
    new LauncherError('invalid_response', msg('error_security_answer_too_large', Math.round(limit / 1024)));
  if (Number(response.headers.get('Content-Length')) > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
