// Small HTTP helpers shared by the routes.
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'text/plain; charset=utf-8', text, headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string | string[]> = {},
): void {
  send(res, status, 'text/html; charset=utf-8', html, headers);
}

export function redirect(
  res: ServerResponse,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers });
  res.end();
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Query parameters, overridden by a form-encoded body (UAPI and WHM accept both). */
export function requestParams(url: URL, req: IncomingMessage, body: string): URLSearchParams {
  const params = new URLSearchParams(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (
    req.method === 'POST' &&
    body &&
    (type === '' || type.startsWith('application/x-www-form-urlencoded'))
  ) {
    for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  }
  return params;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

/** Splits '/cpsess1234567890/rest' into the security token and the rest of the path. */
export function splitSecurityToken(pathname: string): { token: string | null; rest: string } {
  const match = /^(\/cpsess\d{10})(\/.*)?$/.exec(pathname);
  if (!match?.[1]) return { token: null, rest: pathname };
  return { token: match[1], rest: match[2] ?? '/' };
}
