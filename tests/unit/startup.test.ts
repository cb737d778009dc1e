import { readdirSync, rmSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract';
import { firstScreenReads, localDay } from '../../shared/api/firstScreen';
import type { StartupProgress } from '../../shared/api/methods/startup';
import { backupFolder, listBackups } from '../../electron/archive/backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/archive/migrations';
import { openArchive } from '../../electron/archive/open';
import { beginStartup, CorruptArchiveError, startServices, type AppServices, type StartingApp } from '../../electron/services';
import { damageForumIdIndex } from '../faults/indexDamage';
import { must, tempArchivePath } from './support';

const forum = (name: string) => ({ kind: 'trio', name, school: 'Egeskolen' });
const running: { close(): void }[] = [];
afterEach(() => {
  for (const app of running.splice(0)) app.close();
});

function start(path: string): StartingApp {
  const app = beginStartup(path, 'test', { backgroundDelayMs: 0 });
  running.push(app);
  return app;
}

/** An archive left by an older version: schema 4, with one forum in it, closed. */
function oldArchive(): string {
  const path = tempArchivePath();
  const archive = openArchive(path, { targetVersion: 4 });
  archive.db
    .prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f-gammel', 'trio', 'TRIO fra før', 'Egeskolen', '2024-08-01T12:00:00.000Z')")
    .run();
  archive.close();
  return path;
}

function untilNotice(app: StartingApp | AppServices): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = app.subscribe((event) => {
      if (event.type === 'archive.notice') {
        unsubscribe();
        resolve();
      }
    });
  });
}

describe('start af et arkiv, der er opdateret', () => {
  it('fortæller et vindue, der først lytter, når tjenesterne er oppe, at starten er klar', async () => {
    const path = tempArchivePath();
    openArchive(path).close();
    const app = start(path);
    // The window asked before the service layer was loaded; its event stream connects only later.
    expect(await must(app, 'app.startup', {})).toMatchObject({ step: 'aabner' });
    await app.ready;
    const events: StartupProgress[] = [];
    app.subscribe((event: AppEvent) => {
      if (event.type === 'archive.opening') events.push(event.progress);
    });
    expect(events).toEqual([{ step: 'klar', done: 0, total: 0 }]);
  });
});

describe('den første skærm ved start', () => {
  /** An up-to-date archive with one forum in it, closed, as the app left it. */
  function archiveWithForum(): string {
    const path = tempArchivePath();
    const archive = openArchive(path);
    archive.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f-1', 'trio', 'TRIO', 'Egeskolen', 'nu')").run();
    archive.close();
    return path;
  }

  it('læses af tjenesterne, mens vinduet indlæser, og vinduets egne læsninger svarer bagefter', async () => {
    const app = start(archiveWithForum());
    await app.ready;
    expect(await app.firstScreenRead).toBe(true);
    for (const read of firstScreenReads(localDay(new Date()))) {
      const answer = await app.dispatch(read.method, read.input);
      expect(answer, read.method).toMatchObject({ ok: true });
    }
  });

  it('læses ikke to gange: spørger vinduet først, læser det selv', async () => {
    const app = start(archiveWithForum());
    // The window's reads go out with its first question, before the archive is open.
    const forums = app.call('forums.list', {});
    expect(await app.firstScreenRead).toBe(false);
    const answered = await forums;
    expect(answered.ok && answered.value.map((f) => f.name)).toEqual(['TRIO']);
  });

  it('gemmer ingen svar: en ændring fra et andet program, før vinduet spørger, ses af vinduet', async () => {
    const path = archiveWithForum();
    const app = start(path);
    expect(await app.firstScreenRead).toBe(true);
    const other = new Database(path);
    other.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f-2', 'trio', 'Udviklingsrådet', 'Egeskolen', 'nu')").run();
    other.close();
    const forums = await must(app, 'forums.list', {});
    expect(forums.map((f) => f.name).sort()).toEqual(['TRIO', 'Udviklingsrådet']);
  });
});

describe('start af et gammelt arkiv', () => {
  it('viser fremskridt: sikkerhedskopien først, så hvert trin, så klar, og venter på vinduet', async () => {
    const path = oldArchive();
    const app = start(path);
    const events: StartupProgress[] = [];
    app.subscribe((event: AppEvent) => {
      if (event.type === 'archive.opening') events.push(event.progress);
    });
    // The migrations after version 4, counted (their numbers may leave a gap while they are being merged).
    const steps = MIGRATIONS.filter((m) => m.version > 4).length;
    expect(await must(app, 'app.startup', {})).toEqual({ step: 'aabner', done: 0, total: steps });
    // Another call waits for the archive instead of failing.
    const forums = app.call('forums.list', {});

    // The update waits for the window, which is to show its progress.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await must(app, 'app.startup', {})).toMatchObject({ step: 'aabner' });
    expect(listBackups(path)).toEqual([]);

    app.windowShown();
    await app.ready;
    expect(events[0]).toEqual({ step: 'aabner', done: 0, total: steps });
    expect(events[1]).toEqual({ step: 'sikkerhedskopi', done: 0, total: steps });
    expect(events.slice(2)).toEqual([
      ...Array.from({ length: steps + 1 }, (_, done) => ({ step: 'opdaterer', done, total: steps })),
      { step: 'klar', done: steps, total: steps },
    ]);

    const answered = await forums;
    expect(answered.ok && answered.value.map((f) => f.name)).toEqual(['TRIO fra før']);
    expect((await must(app, 'app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // The backup before the update holds the archive as the older version left it.
    const [before] = listBackups(path).filter((b) => b.reason === 'foer-migrering');
    const copy = new Database(join(backupFolder(path), before!.fileName), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(4);
    copy.close();
  });

  it('venter på et vindue, der er begyndt at indlæse, også ud over ventetiden for et vindue, der aldrig kommer', async () => {
    const path = oldArchive();
    const app = beginStartup(path, 'test', { backgroundDelayMs: 0, windowWaitMs: 50 });
    running.push(app);
    app.windowLoading();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A busy computer: the page is still loading long after the short wait; the update has not begun.
    expect(await must(app, 'app.startup', {})).toMatchObject({ step: 'aabner' });
    expect(listBackups(path)).toEqual([]);

    app.windowShown();
    await app.ready;
    expect((await must(app, 'app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('opdaterer uden vindue, når intet vindue begynder at indlæse inden ventetiden', async () => {
    const path = oldArchive();
    const app = beginStartup(path, 'test', { backgroundDelayMs: 0, windowWaitMs: 50 });
    running.push(app);
    await app.ready;
    expect((await must(app, 'app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('lader arkivet være, som det var, når sikkerhedskopien før opdateringen ikke kan tages', async () => {
    const path = oldArchive();
    // A file where the backup folder should be: no backup, so no update.
    writeFileSync(backupFolder(path), '');
    const app = start(path);
    app.windowShown();
    await expect(app.ready).rejects.toThrow(/først skal der tages en sikkerhedskopi\. Der kunne ikke tages en sikkerhedskopi/);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.close();
  });
});

describe('tjek ved start', () => {
  /** An archive with TRIO A in a manual backup, then TRIO B after it, closed. */
  async function archiveWithBackup(): Promise<{ path: string; backup: string; forumId: string }> {
    const path = tempArchivePath();
    const services = startServices(path, 'test');
    const created = await must(services, 'forums.create', forum('TRIO A'));
    const backup = await must(services, 'backup.create', {});
    await must(services, 'forums.create', forum('TRIO B'));
    services.close();
    return { path, backup: backup.fileName, forumId: created.id };
  }

  it('afviser før vinduet et arkiv, der ikke kan åbnes (afkortet), og tilbyder den nyeste gode kopi', async () => {
    const { path, backup } = await archiveWithBackup();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const damaged = readFileSync(path);
    let refused: unknown;
    try {
      start(path);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CorruptArchiveError);
    expect((refused as CorruptArchiveError).newestBackup?.fileName).toBe(backup);
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('venter ikke på det grundige tjek: skade i et indeks meldes bagefter i vinduet med den nyeste gode kopi', async () => {
    const { path, backup, forumId } = await archiveWithBackup();
    damageForumIdIndex(path, forumId);
    // Today's daily backup was taken by the first write; one more is due once it is yesterday's.
    for (const daily of listBackups(path).filter((b) => b.reason === 'daglig')) rmSync(join(backupFolder(path), daily.fileName));
    const app = start(path);
    const services = await app.ready;
    // Open and answering before the check has run.
    expect((await must(app, 'forums.list', {})).map((f) => f.name)).toEqual(['TRIO A', 'TRIO B']);
    expect(await must(app, 'backup.notices', {})).toEqual([]);

    const told = untilNotice(app);
    app.windowShown();
    await told;
    const [notice] = await must(app, 'backup.notices', {});
    expect(notice).toMatchObject({ kind: 'beskadiget-indeks', offer: { fileName: backup } });
    expect(notice!.message).toMatch(/fundet fejl i arkivets indeks/);
    // No daily copy of a damaged archive: it would push a good backup out of the rotation.
    await services.dailyBackupInBackground();
    expect(listBackups(path).filter((b) => b.reason === 'daglig')).toEqual([]);
  });
});

describe('dagens sikkerhedskopi i baggrunden', () => {
  /** An archive big enough that its copy takes a while (about 30 MB), with the day's backup not yet taken. */
  function bigArchive(): string {
    const path = tempArchivePath();
    const archive = openArchive(path);
    archive.db.exec('CREATE TABLE fyld (tekst TEXT)');
    const insert = archive.db.prepare('INSERT INTO fyld (tekst) VALUES (?)');
    archive.db.transaction(() => {
      for (let i = 0; i < 30_000; i++) insert.run(`${i} `.padEnd(1000, 'notat '));
    })();
    archive.close();
    return path;
  }

  it('tages efter vinduet, og en skrivning imens bliver hverken afvist eller holdt tilbage', async () => {
    const path = bigArchive();
    const app = start(path);
    const services = await app.ready;
    expect(listBackups(path)).toEqual([]);

    let settled = false;
    const backup = services.dailyBackupInBackground().finally(() => (settled = true));
    // The copy has begun once its file has content: the worker's read is open on the archive.
    const folder = backupFolder(path);
    const copying = () => readdirSync(folder).some((name) => name.endsWith('.tmp') && statSync(join(folder, name)).size > 0);
    while (!copying()) await new Promise((resolve) => setTimeout(resolve, 1));

    const written = await app.call('forums.create', forum('TRIO under kopien'));
    expect(written.ok).toBe(true);
    // Written while the copy still ran: the copy held no lock the write had to wait out.
    expect(settled).toBe(false);

    const taken = await backup;
    expect(taken?.reason).toBe('daglig');
    // The copy is the archive as it was when the copy began.
    const copy = new Database(join(folder, taken!.fileName), { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM forum').get()).toEqual({ n: 0 });
    copy.close();
    expect(await must(app, 'backup.notices', {})).toEqual([]);
    // Only one a day.
    expect(await services.dailyBackupInBackground()).toBeNull();
  }, 60_000);

  it('en sikkerhedskopi, der ikke kan tages, meldes i vinduet, og arbejdet går videre', async () => {
    const path = tempArchivePath();
    openArchive(path).close();
    writeFileSync(backupFolder(path), '');
    const app = start(path);
    const told = untilNotice(app);
    app.windowShown();
    await told;
    const [notice] = await must(app, 'backup.notices', {});
    expect(notice).toMatchObject({ kind: 'sikkerhedskopi-fejlet', offer: null });
    expect(notice!.message).toMatch(/^Dagens sikkerhedskopi kunne ikke tages\. .*Du kan arbejde videre/);
    expect((await app.call('forums.create', forum('TRIO efter fejlen'))).ok).toBe(true);
  });
});
