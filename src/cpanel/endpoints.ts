/** The three services a session can open, as WHM's create_user_session names them. */
export type WhmService = 'webmaild' | 'cpaneld' | 'whostmgrd';

export const SERVICE_PORT: Record<WhmService, number> = { webmaild: 2096, cpaneld: 2083, whostmgrd: 2087 };

/** cPanel's proxy subdomains: each service answers on 443 under a first label of its own. */
const PROXY_LABEL: Record<WhmService, string> = { webmaild: 'webmail', cpaneld: 'cpanel', whostmgrd: 'whm' };
const PROXIED_API_HOST = /^(?:cpanel|whm)\.(.+)$/;

export interface Endpoint {
  host: string;
  port: number;
}

/**
 * Where a service opens for an account whose API is reached at apiHost:apiPort. An API reached through a
 * proxy subdomain on 443 (`cpanel.example.com`, `whm.example.com`) usually means the service ports are
 * closed to the user, so the service opens on its own subdomain on 443, as cPanel's own UI does; anything
 * else opens on the service port of the API host.
 */
export function serviceEndpoint(apiHost: string, apiPort: number, service: WhmService): Endpoint {
  const domain = apiPort === 443 ? PROXIED_API_HOST.exec(apiHost.toLowerCase())?.[1] : undefined;
  if (domain) return { host: `${PROXY_LABEL[service]}.${domain}`, port: 443 };
  return { host: apiHost, port: SERVICE_PORT[service] };
}

export function webmailEndpoint(apiHost: string, apiPort: number): Endpoint {
  return serviceEndpoint(apiHost, apiPort, 'webmaild');
}

/** True when the endpoint is a proxy subdomain, whose name must win over any host the server reports. */
export function isProxied(endpoint: Endpoint): boolean {
  return endpoint.port === 443;
}
