// Bad input and floods: refused with a logged reason, the socket closed, the server and everyone else unaffected.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { documentName } from '../../shared/sync/documents';
import { shareForum, type SharedForum } from './forum';
import { acknowledged, until, within } from './laptop';
import * as scenario from './scenarios';
import { sqliteStorage, type ServerProcess } from './serverProcess';
import { serverForSuite } from './suite';
import { text, withLength } from './frames';

const AUTH = 2;
const AUTH_TOKEN = 0;
const SYNC = 0;
const SYNC_UPDATE = 2;
const QUERY_AWARENESS = 3;

/** A hand-written client on a raw WebSocket: authenticates one document, then sends whatever the test says. */
async function rawClient(server: ServerProcess, name: string, credential: string) {
  const ws = new WebSocket(server.url);
  await within(new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject))), 5000, 'forbindelse');
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  const answered = new Promise((resolve) => ws.once('message', resolve));
  ws.send(new Uint8Array([...text(name), AUTH, AUTH_TOKEN, ...text(credential)]));
  await within(answered, 5000, 'svar på godkendelsen');
  return {
    ws,
    closed,
    send: (bytes: number[] | Uint8Array) => ws.send(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)),
    frame: (type: number, ...rest: number[]) => new Uint8Array([...text(name), type, ...rest]),
  };
}

describe('serveren tåler dårlige og for mange beskeder', () => {
  let server!: ServerProcess;
  let forum!: SharedForum;
  let name!: string;
  serverForSuite(
    sqliteStorage,
    async (started) => {
      server = started;
      forum = await shareForum(server);
      name = documentName({ kind: 'moede', forumId: forum.forumId, meetingId: randomUUID() });
    },
    ['--maks-besked-kb', '64', '--beskeder-pr-sekund', '20'],
  );

  /** The server is alive and a well-behaved member still writes and another still reads. */
  async function othersUnaffected(label: string): Promise<void> {
    expect(server.alive()).toBe(true);
    const writer = await scenario.laptop(server, forum.medlem).sync(name);
    const reader = await scenario.laptop(server, forum.admin).sync(name);
    writer.doc.getMap('moede').set(label, true);
    await acknowledged(writer.provider);
    await until(() => reader.doc.getMap('moede').get(label) === true, 5000, `${label}: den anden bærbar ser ændringen`);
  }

  it('en ødelagt Yjs-opdatering afvises, før den gemmes', async () => {
    const client = await rawClient(server, name, forum.medlem.credential);
    client.send(client.frame(SYNC, SYNC_UPDATE, ...withLength(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]))));
    expect(await within(client.closed, 5000, 'lukning')).toBe(1008);
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'malformed-update' && line.device === forum.medlem.deviceId);
    await othersUnaffected('efter-oedelagt');
  });

  it('en ukendt beskedtype og en tekstbesked afvises', async () => {
    const internal = await rawClient(server, name, forum.medlem.credential);
    internal.send(internal.frame(6, ...text('kun for servere')));
    expect(await within(internal.closed, 5000, 'lukning')).toBe(1008);
    const unknown = await rawClient(server, name, forum.medlem.credential);
    unknown.send(unknown.frame(99));
    expect(await within(unknown.closed, 5000, 'lukning')).toBe(1008);
    const textual = await rawClient(server, name, forum.medlem.credential);
    textual.ws.send('hej');
    expect(await within(textual.closed, 5000, 'lukning')).toBe(1008);
    await until(() => server.logs().filter((line) => line.reason === 'unknown-message-type').length >= 3, 5000, 'tre afvisninger i loggen');
    await othersUnaffected('efter-ukendt');
  });

  it('en for stor besked lukker forbindelsen', async () => {
    const client = await rawClient(server, name, forum.medlem.credential);
    client.send(client.frame(SYNC, SYNC_UPDATE, ...withLength(new Uint8Array(100 * 1024))));
    expect(await within(client.closed, 5000, 'lukning')).toBe(1009);
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'oversized');
    await othersUnaffected('efter-for-stor');
  });

  it('en strøm af beskeder lukker forbindelsen', async () => {
    const client = await rawClient(server, name, forum.medlem.credential);
    for (let i = 0; i < 2000 && client.ws.readyState === WebSocket.OPEN; i++) client.send(client.frame(QUERY_AWARENESS));
    expect(await within(client.closed, 5000, 'lukning')).toBe(1008);
    await server.waitForLog((line) => line.event === 'refused' && line.reason === 'flood');
    await othersUnaffected('efter-stroem');
  });

  it('skrald før godkendelsen lukker kun den forbindelse', async () => {
    const ws = new WebSocket(server.url);
    await within(new Promise((resolve) => ws.once('open', resolve)), 5000, 'forbindelse');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    await within(closed, 5000, 'lukning');
    await othersUnaffected('efter-skrald');
  });
});
