import { fakeFetch, jsonResponse } from './fakeFetch';

/**
 * A fetch stand-in that answers by path (`/execute/Module/func` or `/json-api/func`), with each route's
 * body; an unknown path answers 404. Records every call for assertions.
 */
export function routedFetch(routes: Record<string, unknown | ((url: URL) => unknown)>) {
  return fakeFetch((raw) => {
    const url = new URL(raw);
    const route = routes[url.pathname];
    if (route === undefined) return new Response('not found', { status: 404 });
    const body = typeof route === 'function' ? (route as (url: URL) => unknown)(url) : route;
    return body instanceof Response ? body : jsonResponse(body);
  });
}

export const uapiOk = (data: unknown) => ({
  status: 1,
  data,
  errors: null,
  messages: null,
  metadata: {},
  warnings: null,
});
export const whmOk = (data: unknown) => ({ data, metadata: { result: 1, reason: 'OK', version: 1 } });
