import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { RENDERER_DIR } from './paths';
import { mimeTypeFor, resolveInside } from './static-files';

// The renderer is served from app://samtalerum/ rather than file://: a real origin lets the CSP,
// the navigation guards and the IPC sender check all compare against one exact value, and file://
// would grant the page read access to the whole disk.

/** Must run before the app is ready; Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: normal URL resolution and a real origin; secure: counts as a secure context;
    // supportFetchAPI: the page may fetch its own assets; codeCache: Chromium keeps the compiled
    // window code between starts, as it does for a web page, instead of compiling React anew at
    // every start (it needs standard). No bypassCSP, no corsEnabled.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Call once the app is ready. */
export function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => respond(request));
}

async function respond(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Metoden er ikke tilladt.');
  const file = resolveInside(RENDERER_DIR, request.url);
  if (file === null) return textResponse(404, 'Siden findes ikke.');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return textResponse(404, 'Siden findes ikke.');
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: securityHeaders(mimeTypeFor(file)),
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}
