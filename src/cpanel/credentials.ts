/** What it takes to call one server's API: never leaves the worker. */
export interface Credentials {
  kind: 'cpanel' | 'whm';
  host: string;
  /** API port: 2083 for cPanel, 2087 for WHM, or what a proxy in front of the server uses. */
  port: number;
  username: string;
  token: string;
}

export const DEFAULT_API_PORT = { cpanel: 2083, whm: 2087 } as const;

/** `Authorization: cpanel USER:TOKEN` or `whm USER:TOKEN`, as cPanel's API token docs specify. */
export function authorizationHeader(credentials: Credentials): string {
  return `${credentials.kind} ${credentials.username}:${credentials.token}`;
}
