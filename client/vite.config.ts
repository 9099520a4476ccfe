import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = 'http://localhost:3000';
const sharedSources = /[\\/]shared[\\/]src[\\/]/;

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two copies of yjs in one bundle break sync ("Yjs was already imported"): keep one.
    dedupe: ['yjs'],
    alias: {
      // The shared sources directly, so the client never needs a prior build of `shared/`.
      '@standpunt/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/collab': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React, the router and the NL Design System components; the editor is split off.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // The shared package is plain declarations: pages that only need a municipality name
        // must not pull in the TipTap schema and zod with it.
        moduleSideEffects: (id: string) => !sharedSources.test(id),
      },
    },
  },
});
