import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  KEEP_BACKUPS,
  backupFolder,
  createBackup,
  dailyBackupIfDue,
  isArchiveHealthy,
  listBackups,
  newestGoodBackup,
  restoreBackup,
} from '../../electron/archive/backup';
import { LATEST_SCHEMA_VERSION } from '../../electron/archive/migrations';
import { openArchive } from '../../electron/archive/open';
import { CorruptArchiveError, startServices } from '../../electron/services';
import { archiveWithBackup, forum, forumNames, names, sha256 } from './archiveFiles';
import { must, servicesWithArchive, tempArchivePath } from './support';

const at = (iso: string) => new Date(iso);

/** Overwrites a few pages after the first with 0xFF, as a failing disk or a bad copy would. */
function damage(path: string): void {
  const bytes = readFileSync(path);
  bytes.fill(0xff, 4096, Math.min(bytes.length, 4096 * 4));
  writeFileSync(path, bytes);
}

function keptFiles(archivePath: string): string[] {
  return readdirSync(dirname(archivePath)).filter((name) => /^samtalerum-FØR-GENDANNELSE-\d{8}-\d{6}(-\d+)?\.sqlite$/.test(name));
}

describe('sikkerhedskopier', () => {
  it('tages med VACUUM INTO, består integritetstjekket og får navn efter tid og grund', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO A'));

    const backup = createBackup(archive.db, archive.path, 'manuel', at('2026-12-01T14:03:12'));
    expect(backup.fileName).toBe('samtalerum-20261201-140312-manuel.sqlite');
    expect(backup.reason).toBe('manuel');
    expect(new Date(backup.createdAt).getTime()).toBe(at('2026-12-01T14:03:12').getTime());
    const file = join(dirname(archive.path), 'sikkerhedskopier', backup.fileName);
    expect(backup.sizeBytes).toBe(readFileSync(file).length);
    expect(isArchiveHealthy(file, 'integrity_check')).toBe(true);
    expect(forumNames(file)).toEqual(['TRIO A']);
    // Only finished backups in the folder (this one and the day's first): no temporary file is left behind.
    expect(readdirSync(backupFolder(archive.path)).sort()).toEqual(listBackups(archive.path).map((b) => b.fileName).sort());
    expect(listBackups(archive.path).map((b) => b.reason).sort()).toEqual(['daglig', 'manuel']);

    // A second one for the same reason in the same second does not overwrite the first.
    expect(createBackup(archive.db, archive.path, 'manuel', at('2026-12-01T14:03:12')).fileName).toBe(
      'samtalerum-20261201-140312-manuel-2.sqlite',
    );
    expect(listBackups(archive.path).filter((b) => b.reason === 'manuel').map((b) => b.fileName)).toEqual([
      'samtalerum-20261201-140312-manuel-2.sqlite',
      'samtalerum-20261201-140312-manuel.sqlite',
    ]);
    services.close();
  });

  it('roterer: de nyeste 7 daglige og de nyeste 5 af hver anden slags bliver', () => {
    const { services, archive } = servicesWithArchive();
    const { db, path } = archive;
    for (let day = 1; day <= 10; day += 1) createBackup(db, path, 'daglig', new Date(2026, 10, day, 8, 0, 0));
    for (let minute = 0; minute < 8; minute += 1) createBackup(db, path, 'foer-import', new Date(2026, 10, 10, 9, minute, 0));
    createBackup(db, path, 'manuel', new Date(2026, 10, 10, 10, 0, 0));

    const backups = listBackups(path);
    const daily = backups.filter((b) => b.reason === 'daglig').map((b) => b.fileName);
    expect(KEEP_BACKUPS.daglig).toBe(7);
    expect(daily).toEqual([10, 9, 8, 7, 6, 5, 4].map((d) => `samtalerum-202611${String(d).padStart(2, '0')}-080000-daglig.sqlite`));
    const imports = backups.filter((b) => b.reason === 'foer-import').map((b) => b.fileName);
    expect(imports).toEqual([7, 6, 5, 4, 3].map((m) => `samtalerum-20261110-090${m}00-foer-import.sqlite`));
    expect(backups.filter((b) => b.reason === 'manuel')).toHaveLength(1);
    // Newest first across kinds.
    expect(backups[0]?.reason).toBe('manuel');
    expect(readdirSync(backupFolder(path)).sort()).toEqual(backups.map((b) => b.fileName).sort());
    services.close();
  });

  it('tager én daglig sikkerhedskopi pr. kalenderdag', () => {
    const { services, archive } = servicesWithArchive();
    expect(dailyBackupIfDue(archive.db, archive.path, new Date(2026, 11, 1, 8, 0))?.fileName).toBe('samtalerum-20261201-080000-daglig.sqlite');
    expect(dailyBackupIfDue(archive.db, archive.path, new Date(2026, 11, 1, 23, 59))).toBeNull();
    expect(dailyBackupIfDue(archive.db, archive.path, new Date(2026, 11, 2, 0, 1))?.reason).toBe('daglig');
    expect(listBackups(archive.path)).toHaveLength(2);
    services.close();
  });

  it('tager den daglige før dagens første ændring, når appen har været åben siden i går', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO A'));
    await must(services, 'forums.create', forum('TRIO B'));
    await must(services, 'forums.list', {});
    const daily = listBackups(archive.path).filter((b) => b.reason === 'daglig');
    expect(daily).toHaveLength(1);
    // Taken before the first write of the day, so it holds the archive as the day found it.
    expect(forumNames(join(backupFolder(archive.path), daily[0]!.fileName))).toEqual([]);
    services.close();
  });

  it('siger på dansk, når en sikkerhedskopi ikke kan tages, og ændrer intet', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO A'));
    expect(() => archive.db.transaction(() => createBackup(archive.db, archive.path, 'manuel'))()).toThrow(BackupError);

    // A file where the folder should be: the backup cannot be written.
    const blocked = tempArchivePath();
    writeFileSync(join(dirname(blocked), 'sikkerhedskopier'), 'ikke en mappe');
    const other = servicesWithArchive(blocked);
    await must(other.services, 'forums.create', forum('TRIO B'));
    const result = await other.services.call('backup.create', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('arkivfejl');
      expect(result.error.message).toMatch(/^Der kunne ikke tages en sikkerhedskopi af arkivet .*Arkivet er ikke ændret\.$/);
    }
    // And an import is refused rather than carried out without its backup.
    const content = Buffer.from((await must(services, 'exchange.export', { scope: 'arkiv', id: null })).base64, 'base64').toString('utf8');
    const imported = await other.services.call('exchange.import', { content });
    expect(imported.ok).toBe(false);
    expect(await names(other.services)).toEqual(['TRIO B']);
    other.services.close();
    services.close();
  });
});

describe('sikkerhedskopi før migrering og import', () => {
  it('kopierer et ældre arkiv, før det migreres, og kopien åbner i den gamle version', () => {
    const path = tempArchivePath();
    const v1 = openArchive(path, { targetVersion: 1 });
    v1.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO A', 'Egeskolen', 'nu')").run();
    v1.close();

    const archive = openArchive(path);
    expect(archive.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const backups = listBackups(path);
    expect(backups.map((b) => b.reason)).toEqual(['foer-migrering']);
    const copy = new Database(join(backupFolder(path), backups[0]!.fileName), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM forum').all()).toEqual([{ name: 'TRIO A' }]);
    copy.close();
    archive.close();

    // An archive that is already up to date is not copied again when it is opened.
    openArchive(path).close();
    expect(listBackups(path)).toHaveLength(1);
  });

  it('opretter ingen sikkerhedskopi af et nyt arkiv eller af et fra en nyere version', () => {
    const path = tempArchivePath();
    openArchive(path).close();
    expect(existsSync(backupFolder(path))).toBe(false);

    const newer = tempArchivePath();
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha256(newer);
    expect(() => openArchive(newer)).toThrow(/nyere version/);
    expect(existsSync(backupFolder(newer))).toBe(false);
    expect(sha256(newer)).toBe(before);
  });

  it('tager en sikkerhedskopi før hver import, med arkivet som det var før', async () => {
    const source = servicesWithArchive();
    await must(source.services, 'forums.create', forum('TRIO A'));
    const file = await must(source.services, 'exchange.export', { scope: 'arkiv', id: null });
    source.services.close();

    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO B'));
    await must(services, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    expect(await names(services)).toEqual(['TRIO A', 'TRIO B']);

    const before = listBackups(archive.path).filter((b) => b.reason === 'foer-import');
    expect(before).toHaveLength(1);
    expect(forumNames(join(backupFolder(archive.path), before[0]!.fileName))).toEqual(['TRIO B']);
    services.close();
  });
});

describe('et beskadiget arkiv ved start', () => {
  for (const [what, spoil] of [
    ['overskrevne bytes midt i filen', damage],
    ['en afkortet fil', (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2))],
  ] as const) {
    it(`opdager ${what}, gendanner den nyeste gode sikkerhedskopi og gemmer den beskadigede fil uændret`, async () => {
      const { path, backup } = await archiveWithBackup();
      spoil(path);
      const damaged = sha256(path);
      expect(isArchiveHealthy(path)).toBe(false);

      let refused: unknown;
      try {
        startServices(path, 'test');
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(CorruptArchiveError);
      const error = refused as CorruptArchiveError;
      expect(error.newestBackup?.fileName).toBe(backup);
      expect(error.message).toMatch(/er beskadiget\. Filen er ikke ændret\. Den nyeste gode sikkerhedskopi er samtalerum-/);
      // The check only read the file.
      expect(sha256(path)).toBe(damaged);

      const { keptAs } = restoreBackup(path, backup);
      expect(keptAs).toMatch(/^samtalerum-FØR-GENDANNELSE-\d{8}-\d{6}\.sqlite$/);
      expect(sha256(join(dirname(path), keptAs!))).toBe(damaged);
      expect(existsSync(`${path}-shm`)).toBe(false);

      const services = startServices(path, 'test');
      expect(await names(services)).toEqual(['TRIO A']);
      services.close();
      expect(sha256(join(dirname(path), keptAs!))).toBe(damaged);
    });
  }

  it('springer en beskadiget sikkerhedskopi over og tilbyder den nyeste gode', async () => {
    const { path, backup } = await archiveWithBackup();
    const services = startServices(path, 'test');
    const newer = await must(services, 'backup.create', {});
    services.close();
    damage(join(backupFolder(path), newer.fileName));
    damage(path);
    expect(newestGoodBackup(path)?.fileName).toBe(backup);
    expect(() => restoreBackup(path, newer.fileName)).toThrow(/er beskadiget og kan ikke gendannes\. Arkivet er ikke ændret/);
  });

  it('siger det, når der ingen sikkerhedskopi er, og rører ikke filen', () => {
    const path = tempArchivePath();
    writeFileSync(path, 'Dette er ikke en database. '.repeat(500));
    const before = sha256(path);
    expect(() => startServices(path, 'test')).toThrow(/ikke et Samtalerum-arkiv, eller den er beskadiget\. Filen er ikke ændret\. Der er ingen sikkerhedskopi/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(dirname(path))).toEqual(['samtalerum.sqlite']);
  });
});

describe('gendannelse gennem tjenesterne', () => {
  it('erstatter arkivet med sikkerhedskopien, beholder det gamle som fil og kan fortryde', async () => {
    const { services, archive } = servicesWithArchive();
    const path = archive.path;
    await must(services, 'forums.create', forum('TRIO A'));
    const backup = await must(services, 'backup.create', {});
    await must(services, 'forums.create', forum('TRIO B'));
    expect((await must(services, 'backup.list', {})).map((b) => b.fileName)).toContain(backup.fileName);

    const events: string[] = [];
    services.subscribe((event) => events.push(event.type === 'archive.changed' ? event.method : event.type));
    const result = await must(services, 'backup.restore', { fileName: backup.fileName });
    expect(result.restored.fileName).toBe(backup.fileName);
    expect(events).toEqual(['backup.restore']);

    // The services go on over the restored archive, at the same path.
    expect(await names(services)).toEqual(['TRIO A']);
    expect((await must(services, 'app.info', {})).archivePath).toBe(path);
    await must(services, 'forums.create', forum('TRIO C'));
    expect(await names(services)).toEqual(['TRIO A', 'TRIO C']);

    // The archive as it was is kept as a file, and as a backup in the list to undo the restore.
    expect(keptFiles(path)).toEqual([result.keptAs]);
    expect(forumNames(join(dirname(path), result.keptAs!))).toEqual(['TRIO A', 'TRIO B']);
    const undo = (await must(services, 'backup.list', {})).find((b) => b.reason === 'foer-gendannelse');
    expect(undo).toBeDefined();
    await must(services, 'backup.restore', { fileName: undo!.fileName });
    expect(await names(services)).toEqual(['TRIO A', 'TRIO B']);
    expect(keptFiles(path)).toHaveLength(2);
    services.close();
    expect(forumNames(path)).toEqual(['TRIO A', 'TRIO B']);
  });

  it('migrerer en sikkerhedskopi fra en ældre version, når den gendannes', async () => {
    const path = tempArchivePath();
    const v1 = openArchive(path, { targetVersion: 1 });
    v1.db.prepare("INSERT INTO forum (id, kind, name, school, created_at) VALUES ('f', 'trio', 'TRIO A', 'Egeskolen', 'nu')").run();
    v1.close();
    const { services } = servicesWithArchive(path);
    const [old] = await must(services, 'backup.list', {});
    expect(old?.reason).toBe('foer-migrering');
    await must(services, 'forums.create', forum('TRIO B'));
    await must(services, 'backup.restore', { fileName: old!.fileName });
    expect((await must(services, 'app.info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await names(services)).toEqual(['TRIO A']);
    services.close();
  });

  it('afviser et navn, der ikke er på listen, med en dansk besked og ændrer intet', async () => {
    const { services, archive } = servicesWithArchive();
    await must(services, 'forums.create', forum('TRIO A'));
    await must(services, 'backup.create', {});
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(join(dirname(archive.path), 'x.sqlite'), readFileSync(archive.path));
    const listed = (await must(services, 'backup.list', {})).map((b) => b.fileName);
    const before = sha256(archive.path);

    for (const fileName of ['../x.sqlite', 'samtalerum-20200101-000000-manuel.sqlite', '../samtalerum-20200101-000000-manuel.sqlite', '']) {
      const result = await services.call('backup.restore', { fileName });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.field).toBe('fileName');
      expect(result.error.message).toMatch(/sikkerhedskopi.*\.$/i);
    }
    const unknown = await services.call('backup.restore', { fileName: 'samtalerum-20200101-000000-manuel.sqlite' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'ikke_fundet' });
    expect(!unknown.ok && unknown.error.message).toMatch(/findes ikke blandt arkivets sikkerhedskopier\. Arkivet er ikke ændret\.$/);

    expect(await names(services)).toEqual(['TRIO A']);
    expect((await must(services, 'backup.list', {})).map((b) => b.fileName)).toEqual(listed);
    expect(keptFiles(archive.path)).toEqual([]);
    services.close();
    expect(sha256(archive.path)).toBe(before);
  });
});
