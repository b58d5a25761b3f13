import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  /** The Express path pattern, e.g. `/api/circles/sessions/:id/join`. */
  path: string;
}

interface Layer {
  route?: { path: string | RegExp | Array<string | RegExp>; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  /** Express 5 (router 2) keeps a mounted router's path here; '/' or undefined for `use(fn)`. */
  rawPath?: string | RegExp;
}

/** Every route the app answers, read from Express's router stack, so a new route shows up in tests by itself. */
export function listRoutes(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          for (const m of Object.keys(layer.route.methods)) {
            const full = prefix + String(p);
            // A router mounted at /x answering '/' is reached at /x.
            // `router.all(…)` answers every method: listed as ALL, so it needs an entry of its own.
            out.push({ method: m === '_all' ? 'ALL' : m.toUpperCase(), path: prefix && full.length > 1 ? full.replace(/\/$/, '') : full });
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
