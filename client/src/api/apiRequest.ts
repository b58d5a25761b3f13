import type { z } from 'zod';
import { SessionResponse } from '../../../shared/schemas/auth';
import { useStore } from '../store';
import { ApiError, ApiErrorBodySchema, unexpectedMessage, unreachableMessage } from './ApiError';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = useStore.getState().csrfToken ?? '';
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    throw new ApiError(0, { code: 'INTERNAL', message: unreachableMessage() });
  }
}

async function jsonOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  const parsed = ApiErrorBodySchema.safeParse(await jsonOf(res));
  if (parsed.success) return new ApiError(res.status, parsed.data);
  return new ApiError(res.status, { code: 'INTERNAL', message: unexpectedMessage() });
}

/** A fresh CSRF token when the old one was refused (it expires with the token cookie). */
async function refreshCsrf(): Promise<void> {
  const res = await send('GET', '/api/auth/session', undefined);
  if (!res.ok) throw await errorOf(res);
  const parsed = SessionResponse.safeParse(await jsonOf(res));
  if (!parsed.success) throw new ApiError(res.status, { code: 'INTERNAL', message: unexpectedMessage() });
  useStore.getState().setSession(parsed.data);
}

/**
 * One typed request: sends the session cookie and (for anything but GET) the CSRF token, parses the success body
 * with the shared schema and turns every failure into an ApiError whose message is written for people.
 */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  let res = await send(method, path, body);
  if (!res.ok) {
    let err = await errorOf(res);
    if (err.code === 'CSRF_REJECTED' && method !== 'GET') {
      // A stale token (not a foreign origin): fetch a fresh one and try once more.
      await refreshCsrf();
      res = await send(method, path, body);
      if (!res.ok) err = await errorOf(res);
    }
    if (!res.ok) {
      // The session ended (expired or signed out elsewhere): the router sends the person to sign in.
      if (err.code === 'UNAUTHENTICATED') useStore.getState().clearUser();
      throw err;
    }
  }
  const parsed = schema.safeParse(await jsonOf(res));
  if (!parsed.success) throw new ApiError(res.status, { code: 'INTERNAL', message: unexpectedMessage() });
  return parsed.data;
}

export const apiGet = <S extends z.ZodType>(path: string, schema: S) => apiRequest('GET', path, schema);
export const apiPost = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
  apiRequest('POST', path, schema, body);
export const apiPatch = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
  apiRequest('PATCH', path, schema, body);
export const apiPut = <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
  apiRequest('PUT', path, schema, body);
