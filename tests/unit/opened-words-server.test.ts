import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { coreDocuments } from '../../electron/sync/coreDocuments';
import { createSyncTransport, type SyncTransport } from '../../electron/sync/transport/syncTransport';
import { documentName } from '../../shared/sync/documents';
import { must } from './support';
import { demoOwners, laptop, updateItem, type Laptop } from './sync-support';
import { TEST_BACKOFF, until } from './sync/laptop';
import { startSyncServer, type TestSyncServer } from './sync/syncServer';

/**
 * The TR writes, offline, in a closed item that the skoleleder opens meanwhile; a real Hocuspocus server relays the
 * two laptops' updates and a læser's laptop listens. The TR's words are neither lost nor shared with the læser.
 */

const running: { servers: TestSyncServer[]; transports: SyncTransport[]; laptops: Laptop[] } = { servers: [], transports: [], laptops: [] };

afterEach(async () => {
  for (const t of running.transports.splice(0)) t.close();
  for (const s of running.servers.splice(0)) await s.stop();
  for (const l of running.laptops.splice(0)) l.services.close();
});

/** The laptop's sharing of the forum with the test server, under the device credential `token`. */
function connect(l: Laptop, server: TestSyncServer, token: string, forumId: string): SyncTransport {
  const transport = createSyncTransport({ local: coreDocuments(l.services.sync, l.services), credentialFor: () => token, backoff: TEST_BACKOFF, log: () => {} });
  running.transports.push(transport);
  transport.share({ forumId, serverUrl: server.url });
  return transport;
}

/** A server with the two owners as members and a læser, and both owners' laptops connected and in step. */
async function bothOnline(a: Laptop, b: Laptop, forumId: string) {
  const server = await startSyncServer({ a: { [forumId]: 'medlem' }, b: { [forumId]: 'medlem' }, l: { [forumId]: 'laeser' } });
  running.servers.push(server);
  const atA = connect(a, server, 'a', forumId);
  await atA.settled(forumId);
  const atB = connect(b, server, 'b', forumId);
  await atB.settled(forumId);
  return { server, atA, atB };
}

/** Everything the laptop holds of the forum: its rows and every stored document, as text. */
function heldText(l: Laptop, forumId: string): string {
  const rows = JSON.stringify(l.db.prepare('SELECT * FROM agenda_item').all());
  const docs = l.services.sync.documentNames(forumId).map((name) => Buffer.from(Y.encodeStateAsUpdate(l.services.sync.docFor(name))).toString('utf8'));
  return rows + docs.join('');
}

describe('ord skrevet offline i et lukket punkt, som en anden bærbar imens åbnede', { timeout: 90_000 }, () => {
  it('TR’s ord går ikke tabt: de bliver hos medlemmerne, og en læsers bærbare får dem aldrig', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    running.laptops.push(a, b);
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Trivsel i 7.b', type: 'droeftelse', minutes: 10, background: 'Baggrund', confidential: true });
    const { server, atA, atB } = await bothOnline(a, b, forumId);
    await until('TR har det lukkede punkt', () => b.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(item.id) === 'Trivsel i 7.b');

    // The TR goes offline and writes in the closed item; the skoleleder opens it (changing its background too).
    atB.close();
    await updateItem(b, item.id, { title: 'Trivsel i 7.b TRORDTITEL', background: 'Baggrund og TRORDBAGGRUND' });
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'TR’s note TRORDNOTE' });
    await updateItem(a, item.id, { confidential: false, background: 'Baggrund fra skolelederen' });
    await atA.settled(forumId);

    const reader = laptop();
    running.laptops.push(reader);
    reader.services.sync.shareForum(forumId, 'wss://samtalerum.kommune.dk', { right: 'læser', admin: false, forumPersonId: null });
    const atReader = connect(reader, server, 'l', forumId);
    await until('læseren har det åbnede punkt', () => reader.db.prepare('SELECT background FROM agenda_item WHERE id = ?').pluck().get(item.id) === 'Baggrund fra skolelederen');

    const again = connect(b, server, 'b', forumId);
    await again.settled(forumId);
    const kept = async (l: Laptop) => (await must(l.services, 'agenda.keptWords', { meetingId })).filter((k) => k.itemId === item.id);
    // Nothing the TR typed is lost: both members hold it, kept apart from the open item.
    for (const l of [b, a]) {
      await until('ordene er hos medlemmet', () => heldText(l, forumId).includes('TRORDNOTE'));
      const [words] = await kept(l);
      expect(words?.fields.map((f) => [f.field, f.words])).toEqual([
        ['title', 'Trivsel i 7.b TRORDTITEL'],
        ['background', 'Baggrund og TRORDBAGGRUND'],
        ['notes', 'TR’s note TRORDNOTE'],
      ]);
      // The open item stays as the skoleleder opened it until a member puts the words in.
      expect(l.db.prepare('SELECT title, background, confidential FROM agenda_item WHERE id = ?').get(item.id)).toEqual({
        title: 'Trivsel i 7.b',
        background: 'Baggrund fra skolelederen',
        confidential: 0,
      });
    }
    // Kanari: the læser's laptop, connected all along, never receives a word of it.
    await atReader.settled(forumId);
    await atA.settled(forumId);
    expect(heldText(reader, forumId)).not.toMatch(/TRORD/);
    const meetingDoc = documentName({ kind: 'moede', forumId, meetingId });
    expect(Buffer.from(Y.encodeStateAsUpdate(a.services.sync.docFor(meetingDoc))).toString('utf8')).not.toMatch(/TRORD/);
  });

  it('den modsatte vej: TR’s ord i et åbent punkt, som skolelederen imens lukker, følger punktet ind i det fortrolige', async () => {
    const { a, b, forumId, meetingId } = await demoOwners();
    running.laptops.push(a, b);
    const item = await must(a.services, 'agenda.addItem', { meetingId, title: 'Vikardækning', type: 'droeftelse', minutes: 10, background: 'Baggrund' });
    const { server, atA, atB } = await bothOnline(a, b, forumId);
    await until('TR har punktet', () => b.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(item.id) === 'Vikardækning');

    atB.close();
    await must(b.services, 'run.saveNotes', { itemId: item.id, notes: 'TR’s note LUKKETORD' });
    await updateItem(a, item.id, { confidential: true });
    await atA.settled(forumId);
    const reader = laptop();
    running.laptops.push(reader);
    reader.services.sync.shareForum(forumId, 'wss://samtalerum.kommune.dk', { right: 'læser', admin: false, forumPersonId: null });
    const atReader = connect(reader, server, 'l', forumId);
    await until('læseren har det lukkede punkt', () => reader.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(item.id) === 'Lukket punkt');

    const again = connect(b, server, 'b', forumId);
    await again.settled(forumId);
    for (const l of [b, a]) {
      await until('TR’s note står i det lukkede punkt', () => l.db.prepare('SELECT notes FROM agenda_item WHERE id = ?').pluck().get(item.id) === 'TR’s note LUKKETORD');
    }
    await atReader.settled(forumId);
    expect(reader.db.prepare('SELECT title, notes FROM agenda_item WHERE id = ?').get(item.id)).toEqual({ title: 'Lukket punkt', notes: '' });
  });
});
