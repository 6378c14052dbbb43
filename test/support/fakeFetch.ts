/** A fetch stand-in that answers with a fixed body and records what was asked. */
export interface RecordedCall {
  url: string;
  init: RequestInit | undefined;
}

export function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    return respond(url);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
