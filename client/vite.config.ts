import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { blurAssets } from './blurAssets';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: clientDir,
  plugins: [react(), blurAssets()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // livekit-client is large and only the pre-join and circle routes use it: keep it in its own named chunk,
    // loaded with those routes, never with the home page.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The shell's libraries first, so the livekit group (which pulls in its dependencies) cannot claim React.
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler|zustand|zod)[\\/]/, priority: 2 },
            { name: 'livekit', test: /node_modules[\\/](livekit-client|@livekit)[\\/]/, priority: 1 },
            // One chunk per language's catalog (client/src/i18n/catalogs.ts): a page fetches its own language only.
            { name: (id) => /shared[\\/]i18n[\\/]messages[\\/]([\w-]+)[\\/]/.exec(id)?.[1]?.replace(/^/, 'messages-') ?? null, test: /shared[\\/]i18n[\\/]messages[\\/]/, priority: 3 },
            // Only the circle and the staff queue open a socket.
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io[\\/]component-emitter|debug|ms)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // The client imports the zod schemas from ../shared, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/socket.io': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true },
    },
  },
});
