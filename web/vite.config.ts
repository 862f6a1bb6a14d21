// Vite 7 build of the portal and admin UI. Output: web/dist (index.html + hashed assets/),
// served by `proaktiv serve`. `base: '/'` because the app uses absolute paths (/, /admin).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      output: {
        // Long-lived vendor chunks: React and Designsystemet change less often than the app.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          return 'vendor';
        },
      },
    },
  },
});
