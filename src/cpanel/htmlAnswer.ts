// cPanel's own HTML answers, told apart. Where an API call gets a web page instead of JSON, the page says why,
// and each reason has its own fix. The markers come from the stock cPanel & WHM 11.120 tree:
//  - licence: base/unprotected/lisc/licenseerror_cpanel.tmpl and licenseerror_whm.tmpl (title "cPanel License
//    Activation", the stylesheet /unprotected/lisc/error.css, "does not have a valid license");
//  - cPHulk: Cpanel/LegacyLogin.pm ("<h1>Brute Force Protection</h1>", "a brute force attempt was detected");
//  - login page: base/unprotected/cpanel/templates/login.tmpl (the "msg_code:[…]" comment kept for automated
//    testing, the form id "login_form");
//  - a proxy or CDN in front of the server: Cloudflare's 52x pages (cf-error-details, "cloudflare"), or any
//    HTML gateway error (502, 503, 504) — a guess from the vendors' public pages, the tree is silent.
import { LauncherError, type Message, msg } from './errors';

export type HtmlAnswerKind = 'license' | 'cphulk' | 'login' | 'proxy' | 'other';

const LICENSE = [/\/unprotected\/lisc\//i, /license activation/i, /does not have a valid license/i];
const CPHULK = [/brute force protection/i, /brute force attempt/i, /cphulk/i];
const LOGIN = [/msg_code:\[/, /id=["']?login_form\b/i];
const CDN = [/cloudflare/i, /cf-error-details/i, /\bcf-ray\b/i];
const GATEWAY_STATUS = new Set([502, 503, 504]);

/** Whether a body is a web page at all (JSON never starts with `<`). */
export function looksLikeHtml(body: string): boolean {
  return /^\s*</.test(body);
}

/** Which of cPanel's (or a proxy's) pages this is; `status` is the HTTP status it came with. */
export function htmlAnswerKind(body: string, status: number): HtmlAnswerKind {
  const has = (markers: RegExp[]) => markers.some((marker) => marker.test(body));
  // A proxy page may quote the origin's words; its own markers and status come first.
  if ((status >= 520 && status <= 530) || has(CDN)) return 'proxy';
  if (has(LICENSE)) return 'license';
  if (has(CPHULK)) return 'cphulk';
  if (has(LOGIN)) return 'login';
  if (GATEWAY_STATUS.has(status)) return 'proxy';
  return 'other';
}

const MESSAGES: Record<Exclude<HtmlAnswerKind, 'proxy'>, Message> = {
  license: msg('error_html_license'),
  cphulk: msg('error_html_cphulk'),
  login: msg('error_html_login'),
  other: msg('error_web_page'),
};

/**
 * Throws `not_json` with the page's own reason when `body` is a web page where JSON was due. A failed status
 * with an unrecognised page is left to the caller (it says "HTTP 500"), so is anything that is not HTML.
 */
export function rejectHtmlAnswer(body: string, status: number): void {
  if (!looksLikeHtml(body)) return;
  const kind = htmlAnswerKind(body, status);
  const ok = status >= 200 && status < 300;
  if (kind === 'other' && !ok) return;
  const detail = kind === 'proxy' ? msg('error_html_proxy', status) : MESSAGES[kind];
  throw new LauncherError('not_json', detail);
}
