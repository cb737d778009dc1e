import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain browser code; it is loaded from app://samtalerum/ in Electron and from the
// loopback harness in tests, so all asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // The renderer is packaged into app.asar; a source map there would carry the app's source.
    sourcemap: false,
  },
});
