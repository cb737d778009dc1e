import type { SqliteDb } from '../../../electron/archive/open';
import type { Artefact } from './artefacts';
import type { Canary, CanaryBook } from './canaries';

export interface Leak {
  artefact: string;
  canary: Canary;
}

/** Every (shared artefact, secret canary) pair where the canary can be read in the artefact. */
export function findLeaks(shared: readonly Artefact[], secret: readonly Canary[]): Leak[] {
  const leaks: Leak[] = [];
  for (const artefact of shared) {
    const text = artefact.text.toUpperCase();
    if (!text.includes('KANARI')) continue;
    for (const canary of secret) if (text.includes(canary.token)) leaks.push({ artefact: artefact.name, canary });
  }
  return leaks;
}

/**
 * The secret canaries the archive holds right now, read from its tables (not through the services, so
 * the control does not trust what it checks). Text of items and decisions is what the full Word
 * documents show; the rest (forvarsel notes, actions and their notes, sager) at least one full view.
 */
export function liveCanaries(db: SqliteDb, secret: readonly Canary[]): { inDocuments: Canary[]; elsewhere: Canary[] } {
  const rows = (sql: string) => JSON.stringify(db.prepare(sql).all()).toUpperCase();
  const documents = rows('SELECT title, owner, background, announced_given, announced_open, notes FROM agenda_item') + rows('SELECT * FROM decision');
  const other =
    rows('SELECT forvarsel_note FROM agenda_item') +
    rows('SELECT what, who, drop_reason FROM action') +
    rows('SELECT note FROM action_note') +
    rows('SELECT title FROM sag');
  return {
    inDocuments: secret.filter((c) => documents.includes(c.token)),
    elsewhere: secret.filter((c) => !documents.includes(c.token) && other.includes(c.token)),
  };
}

/**
 * Live canaries that no full variant shows: then the test could not have seen them leak either. With
 * `documents`, item and decision text must be in a full Word document, which shows that the path
 * through the builders and the read-back carries a token intact.
 */
export function missingFromFull(full: readonly Artefact[], live: ReturnType<typeof liveCanaries>, documents: boolean): Canary[] {
  const fullDocuments = full.filter((a) => a.name.startsWith('Fuld')).map((a) => a.text.toUpperCase());
  const all = full.map((a) => a.text.toUpperCase());
  return [
    ...live.inDocuments.filter((c) => !(documents ? fullDocuments : all).some((text) => text.includes(c.token))),
    ...live.elsewhere.filter((c) => !all.some((text) => text.includes(c.token))),
  ];
}

/** A leak route without the dates and numbers of one archive, so the same route is counted once. */
export function route(leak: Leak): string {
  const artefact = leak.artefact
    .replace(/\d{4}-\d{2}-\d{2}/g, '…')
    .replace(/«[^»]*»/g, '«…»')
    .replace(/punkt \d+/g, 'punkt n')
    .replace(/\[word\/(header|footer)\d*\.xml\]/g, '[word/$1.xml]');
  return `${artefact}: ${leak.canary.field}`;
}

/** The failure message: what leaked where, and the steps that led there. */
export function leakReport(book: CanaryBook, where: string, leaks: readonly Leak[], log: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const leak of leaks) {
    const key = `${leak.artefact}|${leak.canary.token}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`  - ${leak.artefact}: ${book.describe(leak.canary)}`);
  }
  return [`Lukket indhold er lækket ${where}:`, ...lines.slice(0, 25), lines.length > 25 ? `  … og ${lines.length - 25} mere` : '', 'Forløbet:', ...log]
    .filter((line) => line !== '')
    .join('\n');
}
