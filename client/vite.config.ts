import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API = 'http://localhost:3000';

/**
 * Builds the SPA into `client/dist`, which the server serves on the same port.
 * `@dr/shared` is a TypeScript source workspace: the alias makes Vite compile it
 * like our own code instead of treating it as a prebuilt dependency.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: { '@dr/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': API,
      '/healthz': API,
      '/socket.io': { target: API, ws: true },
      '/yjs': { target: API, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Vendors change less often than our code: separate chunks stay cached
        // across releases. QR only loads with the desk and the projector.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'socket', test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io|xmlhttprequest-ssl|debug|ms)[\\/]/, priority: 20 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|encode-utf8)[\\/]/, priority: 20 },
            // Compiler helpers (class fields lowered for es2020) used everywhere: in a chunk of their
            // own, or a group that happens to use them first (yjs) would be pulled into every page.
            { name: 'helpers', test: /@oxc-project\+runtime/, priority: 40 },
            // Drafts only: the editor and the CRDT load when a draft is opened, cached apart.
            { name: 'tiptap', test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/, priority: 20 },
            { name: 'yjs', test: /node_modules[\\/](yjs|y-websocket|y-protocols|y-indexeddb|lib0)[\\/]/, priority: 25 },
          ],
        },
      },
    },
  },
});
