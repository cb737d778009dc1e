import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST } from './app-origin';

// Pure helpers for serving the built renderer, kept free of 'electron' so they can be unit-tested
// in plain Node.

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** An explicit type for every file, because the page is served with `nosniff`. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file inside root, or null when the URL names another host or would escape
 * root. The URL parser already folds plain `..` segments; the check after resolving also catches
 * encoded separators (%2F, %5C) that only become separators once decoded.
 */
export function resolveInside(root: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST || pathname.includes('\0')) return null;
  const rootDir = resolve(root);
  const file = resolve(rootDir, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(rootDir, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}
