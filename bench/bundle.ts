import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the first page costs: the JavaScript that client/dist/index.html loads (entry and modulepreloads), gzipped,
 * and whether livekit-client is among it (it must not be: it loads only when entering a circle).
 */
export function firstPageBundle(distDir: string) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = files.map((f) => {
    const raw = readFileSync(path.join(distDir, f));
    return { file: f, bytes: raw.length, gzipBytes: gzipSync(raw).length };
  });
  // The build names livekit-client's chunk after it (see client/vite.config.ts manualChunks).
  const livekitOnFirstPage = sizes.some((s) => /livekit/i.test(s.file));
  return { files: sizes, gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0), livekitOnFirstPage };
}
