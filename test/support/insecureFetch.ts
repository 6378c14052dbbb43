import { request } from 'node:https';

/**
 * A fetch built on https.request that accepts the emulator's self-signed certificate: Node's own fetch
 * cannot skip TLS verification per request. Enough of fetch for the client layer: method, headers,
 * a string body, abort, and no redirect following (https.request never follows one).
 */
export const insecureFetch = ((input: string | URL | Request, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(String(input));
    const signal = init.signal;
    if (signal?.aborted) {
      reject(new DOMException('aborted', 'AbortError'));
      return;
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const req = request(
      url,
      { method: init.method ?? 'GET', headers, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            for (const item of Array.isArray(value) ? value : [value ?? ''])
              responseHeaders.append(key, item);
          }
          const status = res.statusCode ?? 500;
          const body = [101, 204, 205, 304].includes(status) ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, headers: responseHeaders }));
        });
      },
    );
    signal?.addEventListener('abort', () => {
      req.destroy();
      reject(new DOMException('aborted', 'AbortError'));
    });
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  })) as typeof globalThis.fetch;
