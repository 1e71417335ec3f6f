import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { precachePlugin } from './scripts/precache-plugin';

export default defineConfig({
  base: '/',
  plugins: [preact(), precachePlugin()],
  build: {
    outDir: 'dist',
    manifest: true,
    target: 'es2020',
    // Small inline assets cost less than an extra request on a slow network.
    assetsInlineLimit: 2048,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
