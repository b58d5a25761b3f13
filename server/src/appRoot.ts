import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder with the app's package.json, where `client/dist` and `.tools/` are. Found by walking up rather than
 * by a fixed `../..`, because the same module runs from `server/src/<domain>/` under tsx and from the compiled
 * server's one folder of chunks (`server/dist/`, `npm run build:server`).
 */
export const APP_ROOT = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
