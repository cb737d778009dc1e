/** Vite bundles imported CSS files into the build; this tells TypeScript that such imports exist. */
declare module '*.css';
