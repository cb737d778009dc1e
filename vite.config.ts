import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The window's entry (renderer/main.tsx) asks its first questions and then imports the code that
 * draws (renderer/drawWindow.tsx). A dynamic import is fetched only when it runs; preloaded from the
 * page's head, that code and what it imports arrive while the entry runs instead of after it.
 */
function preloadDrawingCode(): Plugin {
  return {
    name: 'samtalerum-preload-drawing-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const drawing = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/renderer/drawWindow.tsx'));
        if (!drawing) throw new Error('renderer/drawWindow.tsx is no chunk of its own: the window would wait for it.');
        // The entry is in the page already; every other chunk the drawing code imports is preloaded.
        const entries = new Set(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName));
        return [drawing.fileName, ...drawing.imports.filter((fileName) => !entries.has(fileName))].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// The renderer is plain browser code; it is loaded from app://samtalerum/ in Electron and from the
// loopback harness in tests, so all asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), preloadDrawingCode()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // The renderer is packaged into app.asar; a source map there would carry the app's source.
    sourcemap: false,
  },
});
