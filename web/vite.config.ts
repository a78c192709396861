// The page `mtus serve` serves, built into dist/web by `npm run build` (run by `npm ci`).
// Everything is bundled: the page makes no request outside its own server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle: no module preload polyfill, no inlined font or image fetched from elsewhere.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
