import { LauncherError, msg } from './errors';

/**
 * Turns the browser's own name for a failed connection (Chromium `net::ERR_…`, Firefox `NS_ERROR_…` /
 * `SEC_ERROR_…`) into a specific error. `fetch` rejects with the same TypeError for all of them, so the
 * worker looks the name up through webRequest and passes it here.
 */
export function networkFailure(
  origin: string,
  netError: string | undefined,
  /** The certificate of this origin verified before: the change is suspect, never to be accepted. */
  onceTrusted = false,
): LauncherError {
  const name = netError ?? '';
  if (/CERT|SSL|SEC_ERROR|MOZILLA_PKIX|ERR_BAD_SSL/i.test(name)) {
    // Without the origin, nothing offers to open the server and accept the certificate.
    if (onceTrusted) return new LauncherError('tls', msg('error_security_tls_was_trusted', origin));
    return new LauncherError('tls', msg('error_tls', origin), origin);
  }
  if (/NAME_NOT_RESOLVED|NAME_RESOLUTION|UNKNOWN_HOST|DNS/i.test(name)) {
    return new LauncherError('network', msg('error_dns', origin));
  }
  if (/CONNECTION_REFUSED|NET_RESET|CONNECTION_RESET|ADDRESS_UNREACHABLE|CONNECTION_CLOSED/i.test(name)) {
    return new LauncherError('network', msg('error_refused', origin));
  }
  if (/TIMED_OUT|NET_TIMEOUT/i.test(name)) {
    return new LauncherError('timeout', msg('error_no_answer_in_time', origin));
  }
  return new LauncherError('network', msg('error_unreachable', origin));
}
