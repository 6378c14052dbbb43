/**
 * Host names we are willing to put into a URL. A host comes from user input or from a server response,
 * so it is checked against the plain grammar of a DNS name or an IP literal before any URL is built.
 */
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isValidHost(host: string): boolean {
  if (typeof host !== 'string' || host.length === 0 || host.length > 253) return false;
  if (IPV4.test(host)) return true;
  if (host.startsWith('[') && host.endsWith(']')) return isIpv6(host.slice(1, -1));
  if (!host.split('.').every((label) => DNS_LABEL.test(label))) return false;
  // The grammar is not enough: URL parsers read a last label that is a number in any base (`1`, `0x7f`,
  // `0x`, `010`) as IPv4 and rewrite the name (`1.0x10` becomes `1.0.0.16`) or refuse it (`a.0x1`), and an
  // `xn--` label must be valid punycode. A name is valid only if the parser gives back exactly that name.
  return parsesUnchanged(host);
}

function parsesUnchanged(host: string): boolean {
  try {
    return new URL(`https://${host}/`).hostname === host.toLowerCase();
  } catch {
    return false;
  }
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  try {
    return new URL(`https://[${text}]/`).hostname === `[${text}]`;
  } catch {
    return false;
  }
}

/** Lower-cases a user-entered host and strips a scheme, path or trailing dot people paste along with it. */
export function normalizeHost(input: string): string {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/, '');
  host = host.replace(/:\d+$/, '');
  return host.replace(/\.$/, '');
}

/** The match pattern for host permissions: no port, so one grant covers 2083, 2087 and 2096. */
export function originPattern(host: string): string {
  return `https://${host}/*`;
}
