import { LauncherError, msg } from './errors';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * True for a loopback, private, link-local or unspecified address (or `localhost`): a host that reaches the
 * user's own machine or network rather than the server on the internet.
 */
export function isInternalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const v4 = IPV4.exec(name);
  if (v4) return isInternalIpv4(v4.slice(1).map(Number));
  if (name.startsWith('[') && name.endsWith(']')) return isInternalIpv6(name.slice(1, -1));
  return false;
}

function isInternalIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isInternalIpv6(text: string): boolean {
  let canonical: string;
  try {
    canonical = new URL(`https://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return false;
  }
  if (canonical === '::' || canonical === '::1') return true;
  // IPv4-mapped (::ffff:a.b.c.d, which URL writes as ::ffff:XXXX:XXXX).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const high = Number.parseInt(mapped[1] ?? '0', 16);
    const low = Number.parseInt(mapped[2] ?? '0', 16);
    return isInternalIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const first = Number.parseInt(canonical.split(':')[0] || '0', 16);
  // fc00::/7 unique local, fe80::/10 link-local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/**
 * A host the server chose (UAPI `hostname`, the host of WHM's `data.url`) is refused when it is internal,
 * unless the account itself was configured with an internal host: a server on the internet has no business
 * sending the browser (and the session) to the user's own network.
 */
export function checkServerChosenHost(chosen: string, configuredHost: string): void {
  if (isInternalHost(chosen) && !isInternalHost(configuredHost)) {
    throw new LauncherError('invalid_response', msg('error_login_host_internal'));
  }
}
