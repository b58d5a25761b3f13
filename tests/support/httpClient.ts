import { PASSWORD } from './users';

/**
 * A minimal browser stand-in for API tests: keeps cookies, fetches the CSRF token like the client does, and
 * returns status plus parsed JSON.
 */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = any>(
    method: string,
    path: string,
    opts: { json?: unknown; raw?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let body: string | undefined;
    if (opts.json !== undefined || opts.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = opts.raw ?? JSON.stringify(opts.json);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && typeof parsed.csrfToken === 'string') {
      this.csrfToken = parsed.csrfToken;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, json?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    return this.request<T>('POST', path, { json: json ?? {}, ...opts });
  }

  patch<T = any>(path: string, json?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    return this.request<T>('PATCH', path, { json: json ?? {}, ...opts });
  }

  /** Fetches a CSRF token (as the client does on load), then signs in. */
  async signIn(email: string, password: string): Promise<Reply> {
    await this.get('/api/auth/session');
    return this.post('/api/auth/login', { email, password });
  }
}

/** A client signed in as `email` with the tests' shared password; throws, with the server's answer, if it is refused. */
export async function signedInAs(baseUrl: string, email: string, password = PASSWORD): Promise<ApiClient> {
  const c = new ApiClient(baseUrl);
  const res = await c.signIn(email, password);
  if (res.status !== 200) throw new Error(`signing in as ${email} gave ${res.status}: ${JSON.stringify(res.body)}`);
  return c;
}
