import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Where the provider sends the browser back after the sign-in (RFC 8252 7.3): a one-time HTTP listener on
 * 127.0.0.1 (the IP, not «localhost», which may resolve elsewhere) on a port the system picks, for one path.
 * It takes the first answer that carries this sign-in's state and closes; anything else gets a 404.
 */
export interface LoopbackRedirect {
  /** e.g. http://127.0.0.1:53122/login, the redirect_uri of this sign-in. */
  redirectUri: string;
  /** Resolves with the URL the browser came back to, or rejects after the timeout or on close(). */
  answer: Promise<URL>;
  close(): void;
}

const PATH = '/login';

function page(response: ServerResponse, status: number, heading: string, text: string): void {
  response
    .writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" })
    .end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Samtalerum</title></head><body><h1>${heading}</h1><p>${text}</p></body></html>`);
}

export async function openLoopbackRedirect(state: string, timeoutMs: number): Promise<LoopbackRedirect> {
  let settle: { resolve(url: URL): void; reject(error: Error): void } | undefined;
  const answer = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  // The caller awaits `answer` only after opening the browser; a rejection before that is not unhandled.
  answer.catch(() => undefined);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== PATH || url.searchParams.get('state') !== state) {
      page(response, 404, 'Siden findes ikke', 'Denne adresse bruges kun, når Samtalerum logger ind.');
      return;
    }
    if (url.searchParams.has('error')) page(response, 200, 'Login blev ikke gennemført', 'Gå tilbage til Samtalerum, og prøv igen.');
    else page(response, 200, 'Du er logget ind', 'Du kan lukke denne fane og gå tilbage til Samtalerum.');
    settle?.resolve(new URL(`http://127.0.0.1:${port}${request.url ?? ''}`));
    close();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const timer = setTimeout(() => {
    settle?.reject(new Error('timeout'));
    close();
  }, timeoutMs);
  function close(): void {
    clearTimeout(timer);
    settle?.reject(new Error('closed'));
    server.close();
    server.closeIdleConnections();
  }
  return { redirectUri: `http://127.0.0.1:${port}${PATH}`, answer, close };
}
