/**
 * The address of the kommune's sharing server as a person types it ("deling.kommune.dk" or
 * "https://deling.kommune.dk"): the HTTPS base for its API and the WebSocket address for the documents.
 * Plain http is accepted only on this computer itself (a server started for a try-out or a test).
 */
export interface ServerAddress {
  /** e.g. https://deling.kommune.dk, without a trailing slash. */
  http: string;
  /** e.g. wss://deling.kommune.dk, the same host and path. */
  webSocket: string;
}

export class ServerAddressError extends Error {
  override readonly name = 'ServerAddressError';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function parseServerAddress(typed: string): ServerAddress {
  const trimmed = typed.trim();
  if (trimmed === '') throw new ServerAddressError('Skriv delingsserverens adresse, fx deling.kommune.dk.');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new ServerAddressError('Delingsserverens adresse kan ikke læses. Skriv den som fx deling.kommune.dk.');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ServerAddressError('Delingsserverens adresse må kun være værtsnavnet og eventuelt en sti, fx deling.kommune.dk.');
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ServerAddressError('Delingsserveren skal nås over en sikker forbindelse (https). Tjek adressen hos kommunens IT.');
  }
  const base = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return url.protocol === 'https:' ? { http: `https://${base}`, webSocket: `wss://${base}` } : { http: `http://${base}`, webSocket: `ws://${base}` };
}
