import type { Log } from './log';

// What Hocuspocus (and its Redis extension) print, reduced to a reason code. Their lines can hold a
// document name or any other string a client sent, and stack traces; none of that reaches the log.
// A refusal thrown from our own onAuthenticate or beforeHandleMessage is already logged with its ids.
const OWN_REFUSALS = /^\[(onAuthenticate|beforeHandleMessage)\]$/;
const KNOWN: [RegExp, string][] = [
  [/^\[\w+\]$/, 'hook-failed'],
  [/unauthenticated message queue/, 'unauthenticated-queue-full'],
  [/too many pending unauthenticated documents/, 'too-many-pending-documents'],
  [/already fully authenticated/, 'authenticated-twice'],
  [/Unable to handle message of type/, 'unknown-message-type'],
  [/because of exception/, 'message-failed'],
  [/storeDocumentHooks/, 'store-failed'],
];

function reasonOf(first: unknown): string {
  if (first instanceof Error) return first.name;
  if (typeof first !== 'string') return 'library-message';
  return KNOWN.find(([pattern]) => pattern.test(first))?.[1] ?? 'library-message';
}

/**
 * Routes the console of the libraries the server runs into the server's own log, one JSON line with an
 * event and a reason code and nothing the client sent, so the server's output is one clean format.
 */
export function routeLibraryConsole(log: Log): void {
  const routed = (...args: unknown[]): void => {
    if (typeof args[0] === 'string' && OWN_REFUSALS.test(args[0])) return;
    log({ event: 'library', reason: reasonOf(args[0]) });
  };
  console.log = routed;
  console.info = routed;
  console.warn = routed;
  console.error = routed;
  console.debug = routed;
}
