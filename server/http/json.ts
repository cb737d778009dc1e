import type { IncomingMessage, ServerResponse } from 'node:http';
import { Refusal } from '../membership/refusal';

const MAX_BODY_BYTES = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type Body = Record<string, unknown>;

export async function readBody(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Refusal(413, 'Forespørgslen er for stor.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(400, 'Forespørgslen er ikke gyldig JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Refusal(400, 'Forespørgslen skal være et JSON-objekt.');
  return parsed as Body;
}

export function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

/** A required text field, trimmed, at most `max` characters; `label` names it in the Danish message. */
export function text(body: Body, key: string, label: string, max = 200): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '') throw new Refusal(400, `${label} mangler.`);
  if (value.length > max) throw new Refusal(400, `${label} må højst være ${max} tegn.`);
  return value.trim();
}

export function id(value: unknown, label: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new Refusal(400, `${label} er ikke et gyldigt id.`);
  return value;
}
