/**
 * `npm run build:server`: the server as compiled JavaScript, for production (`npm run start:prod`, the image). One
 * esbuild bundle of our own code (server/src and the shared/ it imports) per entry — the app (`index.js`) and the
 * admin command (`admin.js`) — with code splitting, so that `index.ts` still checks the runtime's zone data before
 * it loads the rest. Packages stay in node_modules (native argon2, PGlite's WebAssembly), and each one the bundle
 * imports must be a production dependency: the image installs no others (`npm ci --omit=dev`).
 */
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_DIST = path.join(root, 'server/dist');

export async function buildServer(outdir = SERVER_DIST): Promise<{ outdir: string; packages: string[] }> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'server/src/index.ts', admin: 'server/src/admin.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  const imported = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const i of output.imports) if (i.external && !builtins.has(i.path) && !i.path.startsWith('node:')) imported.add(packageOf(i.path));
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const missing = [...imported].filter((p) => !(p in (pkg.dependencies ?? {})));
  if (missing.length > 0) {
    throw new Error(`The compiled server imports ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in package.json's dependencies: the image would not have ${missing.length === 1 ? 'it' : 'them'}.`);
  }
  return { outdir, packages: [...imported].sort() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { outdir, packages } = await buildServer();
  process.stderr.write(`[build:server] ${path.relative(root, outdir)}/index.js and admin.js (packages from node_modules: ${packages.join(', ')})\n`);
}
