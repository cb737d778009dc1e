import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startServices, type Services } from '../../electron/services';
import { must, tempArchivePath } from './support';

/** The file's bytes as a hash: equal hashes mean the archive file was not touched. */
export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A forum's fields for `forums.create`, named so each step of a test is visible in the archive. */
export const forum = (name: string) => ({ kind: 'trio', name, school: 'Egeskolen' });

/** Forum names in an archive file, read without the app. */
export function forumNames(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT name FROM forum ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Forum names as the app sees them. */
export async function names(services: Services): Promise<string[]> {
  return (await must(services, 'forums.list', {})).map((f) => f.name).sort();
}

/** An archive with TRIO A in a manual backup and TRIO B after it, closed. */
export async function archiveWithBackup(path = tempArchivePath()): Promise<{ path: string; backup: string }> {
  const services = startServices(path, 'test');
  await must(services, 'forums.create', forum('TRIO A'));
  const backup = await must(services, 'backup.create', {});
  await must(services, 'forums.create', forum('TRIO B'));
  services.close();
  return { path, backup: backup.fileName };
}
