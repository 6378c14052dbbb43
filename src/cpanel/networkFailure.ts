import { LauncherError } from './errors';

/**
 * Turns the browser's own name for a failed connection (Chromium `net::ERR_…`, Firefox `NS_ERROR_…` /
 * `SEC_ERROR_…`) into a specific error. `fetch` rejects with the same TypeError for all of them, so the
 * worker looks the name up through webRequest and passes it here.
 */
export function networkFailure(origin: string, netError: string | undefined): LauncherError {
  const name = netError ?? '';
  if (/CERT|SSL|SEC_ERROR|MOZILLA_PKIX|ERR_BAD_SSL/i.test(name)) {
    return new LauncherError(
      'tls',
      `The browser does not trust the certificate of ${origin}. Open that address once, accept the certificate (or install a trusted one on the server), then try again.`,
      origin,
    );
  }
  if (/NAME_NOT_RESOLVED|NAME_RESOLUTION|UNKNOWN_HOST|DNS/i.test(name)) {
    return new LauncherError(
      'network',
      `The server name of ${origin} could not be found. Check the address.`,
    );
  }
  if (
    /CONNECTION_REFUSED|CONNECTION_REFUSED|NET_RESET|CONNECTION_RESET|ADDRESS_UNREACHABLE|CONNECTION_CLOSED/i.test(
      name,
    )
  ) {
    return new LauncherError(
      'network',
      `${origin} refused or dropped the connection. Check the port, and that the server runs cPanel.`,
    );
  }
  if (/TIMED_OUT|NET_TIMEOUT/i.test(name)) {
    return new LauncherError('timeout', `${origin} did not answer in time.`);
  }
  return new LauncherError(
    'network',
    `${origin} could not be reached (connection refused, DNS or certificate). Check the address and your connection.`,
  );
}
