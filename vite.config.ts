import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; its build lands in web/dist, which the Fastify server serves in production.
// In development (`npm run dev`) Vite serves the pages and proxies the API to the Fastify server.
const apiTarget = process.env.BESTTRAV_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/docs': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
