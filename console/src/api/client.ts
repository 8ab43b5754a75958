import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen';
import { getToken, signOut } from '../app/auth';
import { ApiError } from './errors';

// Typed from Flightdeck's own OpenAPI document (console/openapi.json, checked against the running
// server by ConsoleIT), so a route or field the server drops fails the console's build.
const auth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) signOut('Your token was refused (expired or revoked). Sign in again.');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin });
api.use(auth);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or an ApiError carrying the envelope's code and words. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await call;
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (r.response.ok) return r.data as T;
  const env = (r.error ?? {}) as { code?: string; error?: string };
  throw new ApiError(r.response.status, env.code ?? 'http_' + r.response.status, env.error ?? r.response.statusText);
}
