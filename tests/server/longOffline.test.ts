// A laptop that was offline for a long time reconnects without loss. Three laptops as the app runs them
// (each its own archive and service layer); the first reaches the server through a cable the test can
// pull. While it is away the other two keep editing the same meeting over many compactions on the server
// and a restart of the server, and the first edits offline, compacts its own log and is restarted itself.
import { execFile } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { beginStartup, type StartingApp } from '../../electron/services/startup';
import { deviceCredentialsFile } from '../../electron/sync/device/deviceCredentials';
import { documentName } from '../../shared/sync/documents';
import { must, tempArchivePath } from '../unit/support';
import { until } from './laptop';
import { SERVER_ENTRY, freePort, sqliteStorage, startServerProcess, stopAllServers, type ServerProcess, type Storage } from './serverProcess';

interface RunningLaptop {
  app: StartingApp;
  path: string;
  /** What the app does when the computer says the network is back. */
  networkChanged(): void;
}

const running: StartingApp[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

async function startLaptop(name: string, path = tempArchivePath()): Promise<RunningLaptop> {
  const credentials = deviceCredentialsFile(join(dirname(path), 'enhedsnoegler.json'));
  let changed = (): void => {};
  const followNetwork = (onChange: () => void) => ((changed = onChange), () => {});
  const app = beginStartup(path, 'test', { sharing: { credentials, deviceName: name, followNetwork } });
  running.push(app);
  await app.ready;
  return { app, path, networkChanged: () => changed() };
}

function stop(laptop: RunningLaptop): void {
  running.splice(running.indexOf(laptop.app), 1);
  laptop.app.close();
}

/**
 * The network between one laptop and the server: a TCP relay on its own port. Pulled, it drops every
 * connection at once and refuses new ones, as a laptop that is shut in a bag or leaves the building.
 */
class Cable {
  private relay: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly serverPort: number,
  ) {}

  async plugIn(): Promise<void> {
    const relay = createServer((laptopSide) => {
      const serverSide = connect(this.serverPort, '127.0.0.1');
      for (const socket of [laptopSide, serverSide]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => (laptopSide.destroy(), serverSide.destroy()));
      }
      laptopSide.pipe(serverSide).pipe(laptopSide);
    });
    await new Promise<void>((resolve) => relay.listen(this.port, '127.0.0.1', resolve));
    this.relay = relay;
  }

  async pull(): Promise<void> {
    const relay = this.relay;
    this.relay = null;
    for (const socket of this.sockets) socket.destroy();
    if (relay) await new Promise<void>((resolve) => relay.close(() => resolve()));
  }
}

async function serverInvitation(storage: Storage): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SERVER_ENTRY, 'invite', '--deler', '--navn', 'Skoleleder', ...storage.args]);
  const code = /Invitationskode: (\S+)/.exec(stdout)?.[1];
  if (!code) throw new Error(`Ingen invitationskode i:\n${stdout}`);
  return code;
}

/** The server's stored state of a document: when it was last compacted, and how many updates wait to be. */
function storedOnServer(storage: Storage, document: string): { compactedAt: string | null; waiting: number } {
  const dataDir = storage.args[storage.args.indexOf('--data') + 1] ?? '';
  const db = new BetterSqlite3(join(dataDir, 'samtalerum-server.sqlite'), { readonly: true });
  try {
    const compactedAt = (db.prepare('SELECT updated_at FROM documents WHERE name = ?').pluck().get(document) as string | undefined) ?? null;
    const waiting = db.prepare('SELECT count(*) FROM document_updates WHERE name = ?').pluck().get(document) as number;
    return { compactedAt, waiting };
  } finally {
    db.close();
  }
}

async function inStep(laptop: RunningLaptop, forumId: string): Promise<boolean> {
  const status = await must(laptop.app, 'sync.status', {});
  const forum = status.find((each) => each.forumId === forumId);
  return forum?.state === 'forbundet' && forum.waiting === 0;
}

describe('en bærbar, der har været offline i måneder', () => {
  let storage: Storage;
  afterAll(async () => {
    await stopAllServers();
    await storage?.cleanup();
  });

  it(
    'kommer tilbage uden tab: alles ændringer på alle tre, tekst flettet tegn for tegn, intet dobbelt',
    { timeout: 300_000 },
    async () => {
      storage = sqliteStorage();
      // A fixed address, as behind a kommune's proxy: the laptops find the restarted server by themselves.
      const serverPort = await freePort();
      const start = () => startServerProcess(storage, ['--port', String(serverPort)]);
      let server: ServerProcess = await start();
      const cable = new Cable(await freePort(), serverPort);
      await cable.plugIn();
      const viaCable = `http://127.0.0.1:${cable.port}`;

      // The skoleleder's laptop (A) shares the demo TRIO with a meeting ahead and a held one awaiting approval.
      let a = await startLaptop('Skolelederens bærbar');
      await must(a.app, 'sync.join', { serverAddress: viaCable, code: await serverInvitation(storage) });
      const { forumId } = await must(a.app, 'demo.install', {});
      const meetings = await must(a.app, 'meetings.list', { forumId });
      const upcoming = meetings.find((m) => m.status === 'planlagt');
      const held = meetings.find((m) => m.status === 'afholdt');
      if (!upcoming || !held) throw new Error('Demoen mangler et kommende og et afholdt møde.');
      const original = 'Lærerne ønsker færre vikartimer i udskolingen.';
      const shared = await must(a.app, 'agenda.addItem', { meetingId: upcoming.id, title: 'Vikardækning', type: 'droeftelse', minutes: 20, background: original });
      const other = await must(a.app, 'agenda.addItem', { meetingId: upcoming.id, title: 'APV', type: 'droeftelse', minutes: 15, background: 'Opfølgning.' });
      // A approves as the co-owner it is in the forum: the server knows it as that person.
      const [coOwner] = (await must(a.app, 'referat.get', { meetingId: held.id })).coOwners;
      if (!coOwner) throw new Error('Det afholdte møde har ingen dagsordensejer.');
      await must(a.app, 'sync.shareForum', { forumId, serverAddress: viaCable, forumPersonId: coOwner.personId });

      const b = await startLaptop('TR-bærbar');
      const c = await startLaptop('AMR-bærbar');
      for (const [laptop, name] of [[b, 'TR'], [c, 'AMR']] as const) {
        const invitation = await must(a.app, 'sync.invite', { forumId, right: 'medlem', name });
        await must(laptop.app, 'sync.join', { serverAddress: server.http, code: invitation.code });
        await until(async () => (await laptop.app.call('meetings.get', { meetingId: upcoming.id })).ok, 30_000, `mødet hos ${name}`);
      }
      await until(() => inStep(a, forumId), 30_000, 'A i takt før kablet trækkes ud');

      const item = async (laptop: RunningLaptop, id: string) => {
        const found = (await must(laptop.app, 'meetings.get', { meetingId: upcoming.id })).items.find((each) => each.id === id);
        if (!found) throw new Error(`Punktet ${id} mangler.`);
        return found;
      };
      const setBackground = async (laptop: RunningLaptop, id: string, change: (text: string) => string) => {
        const current = await item(laptop, id);
        await must(laptop.app, 'agenda.updateItem', { itemId: id, title: current.title, type: current.type, minutes: current.minutes, background: change(current.background) });
      };

      // A goes offline.
      await cable.pull();
      await until(async () => (await must(a.app, 'sync.status', {})).some((s) => s.forumId === forumId && s.state === 'offline'), 30_000, 'A offline');

      // A, offline: words in the middle of the text the others extend at its end, a new item, and an approval.
      await setBackground(a, shared.id, (text) => text.replace('færre', 'færre (A: og kortere)'));
      await must(a.app, 'agenda.addItem', { meetingId: upcoming.id, title: 'A: Skolerejser', type: 'droeftelse', minutes: 10 });
      await must(a.app, 'referat.approve', { meetingId: held.id, personId: coOwner.personId });
      (await a.app.ready).sync.compact();

      // B and C go on with the same meeting; each round the server compacts it, and once it restarts.
      const meetingDocument = documentName({ kind: 'moede', forumId, meetingId: upcoming.id });
      const compactions = new Set<string>();
      const rounds = 5;
      for (let round = 1; round <= rounds; round++) {
        const before = storedOnServer(storage, meetingDocument).compactedAt;
        await setBackground(b, shared.id, (text) => `${text} B${round}.`);
        await must(c.app, 'agenda.addItem', { meetingId: upcoming.id, title: `C: Punkt ${round}`, type: 'droeftelse', minutes: 5 });
        await setBackground(c, other.id, (text) => `${text} C${round}.`);
        await until(async () => (await inStep(b, forumId)) && (await inStep(c, forumId)), 30_000, `B og C i takt, runde ${round}`);
        // Every update the server acknowledged is folded into its stored state and removed from its log.
        await until(
          () => {
            const stored = storedOnServer(storage, meetingDocument);
            return stored.compactedAt !== null && stored.compactedAt !== before && stored.waiting === 0;
          },
          30_000,
          `serverens sammenlægning, runde ${round}`,
        );
        compactions.add(storedOnServer(storage, meetingDocument).compactedAt ?? '');
        if (round === 2) {
          await server.stop();
          server = await start();
          b.networkChanged();
          c.networkChanged();
        }
        if (round === 3) {
          // A, still offline, is shut down and started again: its edits live in its log and compacted state.
          stop(a);
          a = await startLaptop('Skolelederens bærbar', a.path);
          await setBackground(a, shared.id, (text) => `${text} A til sidst.`);
          await must(a.app, 'agenda.addItem', { meetingId: upcoming.id, title: 'A: Trivsel', type: 'droeftelse', minutes: 10 });
          (await a.app.ready).sync.compact();
        }
      }
      expect(compactions.size).toBe(rounds);

      // B and C are shut down first: what A gets now, it gets from the server's compacted state alone.
      stop(b);
      stop(c);
      await cable.plugIn();
      a.networkChanged();
      const agenda = async (laptop: RunningLaptop) =>
        (await must(laptop.app, 'meetings.get', { meetingId: upcoming.id })).items.map((each) => `${each.id} ${each.title}`).sort();
      const expectedTitles = ['A: Skolerejser', 'A: Trivsel', ...Array.from({ length: rounds }, (_, i) => `C: Punkt ${i + 1}`)];
      const allThere = async (laptops: RunningLaptop[]) => {
        const agendas = await Promise.all(laptops.map(agenda));
        const texts = await Promise.all(laptops.map(async (laptop) => (await item(laptop, shared.id)).background));
        return (
          agendas.every((each) => JSON.stringify(each) === JSON.stringify(agendas[0])) &&
          expectedTitles.every((title) => agendas[0]?.some((line) => line.endsWith(` ${title}`))) &&
          texts.every((text) => text === texts[0] && text.includes('A til sidst') && text.includes(`B${rounds}.`))
        );
      };
      await until(() => allThere([a]), 60_000, 'B’s og C’s ændringer hos A, fra serveren');
      await until(() => inStep(a, forumId), 30_000, 'A i takt');

      // B and C start again and get what A did while it was away.
      const laptops = [a, await startLaptop('TR-bærbar', b.path), await startLaptop('AMR-bærbar', c.path)];
      await until(() => allThere(laptops), 60_000, 'alle ændringer på alle tre bærbare');
      await until(async () => (await Promise.all(laptops.map((laptop) => inStep(laptop, forumId)))).every(Boolean), 30_000, 'alle tre i takt');
      // «forbundet» is the socket's state: the held meeting's document may arrive a moment after it.
      const approvedEverywhere = async () =>
        (await Promise.all(laptops.map((laptop) => must(laptop.app, 'referat.get', { meetingId: held.id })))).every((referat) =>
          referat.versions.at(-1)?.approvals.some((approval) => approval.personId === coOwner.personId),
        );
      await until(approvedEverywhere, 30_000, 'A’s godkendelse på alle tre');

      for (const laptop of laptops) {
        const detail = await must(laptop.app, 'meetings.get', { meetingId: upcoming.id });
        // Nothing twice: every item once, by id and by title.
        const titles = detail.items.map((each) => each.title);
        expect(new Set(titles).size).toBe(titles.length);
        expect(new Set(detail.items.map((each) => each.id)).size).toBe(detail.items.length);
        expect(titles).toEqual(expect.arrayContaining(['Vikardækning', 'APV', ...expectedTitles]));
        expect(detail.items.map((each) => each.position)).toEqual(detail.items.map((_, index) => index + 1));
        // The text merged character by character: A's words inside it, and at its end A's sentence and every
        // round of B's, once each. A and B both wrote right after the original's last character; which of the
        // two comes first is Yjs's rule for concurrent inserts at one place (the same on every laptop).
        const text = detail.items.find((each) => each.id === shared.id)?.background ?? '';
        const start = 'Lærerne ønsker færre (A: og kortere) vikartimer i udskolingen.';
        const ofB = Array.from({ length: rounds }, (_, i) => ` B${i + 1}.`).join('');
        expect([`${start} A til sidst.${ofB}`, `${start}${ofB} A til sidst.`]).toContain(text);
        expect(detail.items.find((each) => each.id === other.id)?.background).toBe(`Opfølgning. ${Array.from({ length: rounds }, (_, i) => `C${i + 1}.`).join(' ')}`);
        // The approval A gave offline stands everywhere: nobody changed what it approved.
        const referat = await must(laptop.app, 'referat.get', { meetingId: held.id });
        expect(referat.versions.at(-1)?.approvals.map((approval) => approval.personId)).toContain(coOwner.personId);
      }
      await cable.pull();
    },
  );
});
