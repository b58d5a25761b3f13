import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The background blur's segmentation model, its WebAssembly runtime and its worker, served by us under
 * `/blur/` (never a CDN at run time): copied from the @twilio/video-processors package into the build, and served
 * from the package by the dev server. The names are the package's own; the worker asks for them by name.
 */
export const BLUR_ASSET_PATH = '/blur/';
const FILES = [
  'selfie_segmentation_landscape.tflite',
  'tflite-1-0-0.js',
  'tflite-1-0-0.wasm',
  'tflite-simd-1-0-0.js',
  'tflite-simd-1-0-0.wasm',
  'twilio-gaussian-blur-background-processor-pipeline-worker.js',
];
const source = fileURLToPath(new URL('../node_modules/@twilio/video-processors/dist/build/', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.tflite': 'application/octet-stream' };

export function blurAssets(): Plugin {
  return {
    name: 'red-mug:blur-assets',
    generateBundle() {
      for (const name of FILES) {
        this.emitFile({ type: 'asset', fileName: `${BLUR_ASSET_PATH.slice(1)}${name}`, source: readFileSync(path.join(source, name)) });
      }
    },
    configureServer(server) {
      server.middlewares.use(BLUR_ASSET_PATH, (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!FILES.includes(name)) return next();
        res.setHeader('Content-Type', TYPES[path.extname(name)] ?? 'application/octet-stream');
        createReadStream(path.join(source, name)).pipe(res);
      });
    },
  };
}
