import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A static site (base './') that works from any path and with no network: Monaco and its worker
// are bundled; the engine runs in a module worker.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // Monaco in its own chunks, so the application's JS stays small and is cached apart.
        // Not recursive: Monaco's modules use Vite's preload helper, which our own lazy imports
        // need too; pulled into the Monaco chunk it made the page load Monaco eagerly.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'monaco', test: /[\\/]node_modules[\\/]monaco-editor[\\/]/ }],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
