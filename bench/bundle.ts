import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the first page costs: the JavaScript that client/dist/index.html loads (entry and modulepreloads) and the
 * one language catalog it fetches before it renders (client/src/main.tsx; the largest is counted), gzipped, and
 * whether livekit-client is among it (it must not be: it loads only when entering a circle).
 */
export function firstPageBundle(distDir: string) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  // The catalogs' chunks are named by client/vite.config.ts.
  const catalogs = readdirSync(path.join(distDir, 'assets')).filter((f) => /^messages-.+\.js$/.test(f));
  if (catalogs.length === 0) throw new Error('no language catalog chunk (messages-*.js) in the client build');
  const largest = catalogs.map((f) => `assets/${f}`).sort((a, b) => statSync(path.join(distDir, b)).size - statSync(path.join(distDir, a)).size)[0]!;
  const files = [...loaded, largest];
  const sizes = files.map((f) => {
    const raw = readFileSync(path.join(distDir, f));
    return { file: f, bytes: raw.length, gzipBytes: gzipSync(raw).length };
  });
  // The build names livekit-client's chunk after it (see client/vite.config.ts manualChunks).
  const livekitOnFirstPage = sizes.some((s) => /livekit/i.test(s.file));
  return { files: sizes, gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0), livekitOnFirstPage };
}
