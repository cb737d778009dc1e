import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentName } from '../../shared/sync/documents';
import { killHard, startChild } from './child';
import { must } from './support';
import { laptop, send, sharedTrio, type Laptop } from './sync-support';

/**
 * Leaving a shared forum (electron/sync/leaving.ts): when the server refuses this laptop the forum or its
 * confidential part, the confidential content goes from the rows, the search index, the documents' log and
 * the archive file's bytes; what a læser of the forum sees stays.
 */

const CANARY = 'KANARIEFORLADT';

/** A member's laptop (b) holding a confidential item with content of every kind, received from the author (a). */
async function memberWithSecrets() {
  const { laptops, forum, meeting, items } = await sharedTrio(2);
  const [a, b] = laptops as [Laptop, Laptop];
  const secret = await must(a.services, 'agenda.addItem', {
    meetingId: meeting.id,
    title: `${CANARY}titel`,
    type: 'droeftelse',
    minutes: 15,
    confidential: true,
    background: `${CANARY}baggrund`,
  });
  await must(a.services, 'run.saveNotes', { itemId: secret.id, notes: `${CANARY}noter` });
  await must(a.services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: `${CANARY}beslutning`, dissents: [{ role: 'TR', text: `${CANARY}dissens` }] });
  await must(a.services, 'actions.create', { itemId: secret.id, what: `${CANARY}handling`, who: 'Mette', due: null });
  send(a, b, forum.id);
  // A draft is this laptop's own and never shared: it was typed here.
  await must(b.services, 'decisions.saveDraft', { itemId: secret.id, colour: null, text: `${CANARY}udkast`, dissents: [] });
  await must(b.services, 'run.saveNotes', { itemId: items[1]!.id, notes: 'Åbne noter om APV' });
  return { a, b, forum, meeting, secret, open: items[1]! };
}

/** Every byte of the archive file (and its log, if any), after the connection has checkpointed and closed. */
function fileBytes(l: Laptop): Buffer {
  l.services.close();
  const parts = [readFileSync(l.path)];
  if (existsSync(`${l.path}-wal`)) parts.push(readFileSync(`${l.path}-wal`));
  return Buffer.concat(parts);
}

function documentsOf(l: Laptop, forumId: string): string[] {
  return l.db.prepare('SELECT document FROM sync_document WHERE forum_id = ? UNION SELECT document FROM sync_update WHERE forum_id = ?').pluck().all(forumId, forumId) as string[];
}

function searchHits(l: Laptop, word: string): number {
  return l.db.prepare('SELECT count(*) FROM search WHERE search MATCH ?').pluck().get(`"${word}"`) as number;
}

describe('en bærbar, der mister adgangen til et delt forum', () => {
  it('før fjernelsen står kanarien i rækkerne, søgningen, loggen og filen (så prøverne nedenfor kan fejle)', async () => {
    const { b, forum } = await memberWithSecrets();
    expect(documentsOf(b, forum.id).some((name) => parseDocumentName(name)?.kind === 'fortroligt')).toBe(true);
    expect(searchHits(b, `${CANARY}beslutning`)).toBeGreaterThan(0);
    expect(fileBytes(b).includes(Buffer.from(CANARY))).toBe(true);
  }, 60_000);

  it('et fjernet medlem: det fortrolige er væk af rækker, søgning, log og fil; det åbne bliver, og forummet deles ikke mere', async () => {
    const { b, forum, meeting, secret, open } = await memberWithSecrets();
    b.services.sync.accessLost(forum.id, 'forum', 'not-member');

    const item = b.db.prepare('SELECT title, type, minutes, confidential, background, notes FROM agenda_item WHERE id = ?').get(secret.id);
    expect(item).toEqual({ title: 'Lukket punkt', type: 'droeftelse', minutes: 15, confidential: 1, background: '', notes: '' });
    expect(b.db.prepare('SELECT count(*) FROM decision WHERE item_id = ?').pluck().get(secret.id)).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM decision_draft WHERE item_id = ?').pluck().get(secret.id)).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM action WHERE item_id = ?').pluck().get(secret.id)).toBe(0);
    expect(searchHits(b, `${CANARY}beslutning`)).toBe(0);
    // What a læser sees stays: the meeting, the open item and its notes.
    expect(b.db.prepare('SELECT notes FROM agenda_item WHERE id = ?').pluck().get(open.id)).toBe('Åbne noter om APV');
    expect(b.db.prepare('SELECT count(*) FROM meeting WHERE id = ?').pluck().get(meeting.id)).toBe(1);
    // The forum is a local copy now: no documents, no log, not shared.
    expect(documentsOf(b, forum.id)).toEqual([]);
    expect(b.services.sync.sharedForums()).toEqual([]);
    const [lost] = b.services.sync.lostForums();
    expect(lost).toMatchObject({ forumId: forum.id, scope: 'forum', reason: 'not-member' });
    expect(lost?.purgedAt).not.toBeNull();
    // Told once, in Danish, at the top of every page; not again at the next start.
    const notices = await must(b.services, 'backup.notices', {});
    expect(notices).toEqual([{ kind: 'adgang-mistet', message: expect.stringContaining('ikke længere adgang til forummet «TRIO»'), offer: null }]);
    expect(notices[0]?.message).toMatch(/Sikkerhedskopier/);
    // What was written here and not yet sent never reaches the others: she is told so, and where it still is.
    expect(notices[0]?.message).toMatch(/ikke var nået frem til serveren, har de andre ikke fået det: det åbne står stadig i din kopi her/);

    expect(fileBytes(b).includes(Buffer.from(CANARY))).toBe(false);
    const again = laptop(b.path);
    expect(await must(again.services, 'backup.notices', {})).toEqual([]);
    again.services.close();
  }, 60_000);

  it('sænket til læser: kun det fortrolige og de fortrolige dokumenter går; forummet deles stadig', async () => {
    const { b, forum, secret } = await memberWithSecrets();
    const before = documentsOf(b, forum.id);
    b.services.sync.accessLost(forum.id, 'fortroligt', 'confidential');

    expect(b.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(secret.id)).toBe('Lukket punkt');
    expect(searchHits(b, `${CANARY}handling`)).toBe(0);
    const after = documentsOf(b, forum.id);
    expect(after).toEqual(before.filter((name) => parseDocumentName(name)?.kind !== 'fortroligt'));
    expect(after.length).toBeGreaterThan(0);
    expect(b.services.sync.sharedForums().map((f) => f.forumId)).toEqual([forum.id]);
    const told = (await must(b.services, 'backup.notices', {}))[0]?.message;
    expect(told).toMatch(/Du er nu læser i forummet «TRIO»/);
    expect(told).toMatch(/ikke var nået frem til serveren, har de andre ikke fået det, for som læser kan du ikke ændre forummet/);
    // The meeting's shared document is as before; its confidential one starts empty.
    expect([...b.services.sync.docFor(`forum/${forum.id}/moede/${secret.meetingId}/fortroligt`).share.keys()]).toEqual([]);

    expect(fileBytes(b).includes(Buffer.from(CANARY))).toBe(false);
  }, 60_000);

  it('sænket til læser efter at have skrevet og lukket et punkt offline: ordene, som ingen læser fik, står ikke i mødedokumentets log', async () => {
    const { b, forum, meeting } = await memberWithSecrets();
    // Offline, b adds an item and closes it before the server has it: its words were in the meeting document a moment.
    const item = await must(b.services, 'agenda.addItem', { meetingId: meeting.id, title: `${CANARY}offline`, type: 'droeftelse', minutes: 10, background: `${CANARY}skrevet` });
    const { title, type, minutes, announcedColour, owner, background, sensitive } = item;
    await must(b.services, 'agenda.updateItem', { itemId: item.id, title, type, minutes, announcedColour, owner, background, confidential: true, sensitive });
    const waiting = b.services.sync.pendingCount(forum.id);
    b.services.sync.accessLost(forum.id, 'fortroligt', 'confidential');

    // What the server never took still counts as not taken; the laptop holds the meeting as a læser sees it.
    expect(b.services.sync.pendingCount(forum.id)).toBeGreaterThan(0);
    expect(b.services.sync.pendingCount(forum.id)).toBeLessThanOrEqual(waiting);
    const placeholder = b.services.sync.docFor(`forum/${forum.id}/moede/${meeting.id}`).getMap('punkter').get(item.id);
    expect(placeholder).toBeDefined();
    expect(b.db.prepare('SELECT title FROM agenda_item WHERE id = ?').pluck().get(item.id)).toBe('Lukket punkt');
    expect(fileBytes(b).includes(Buffer.from(CANARY))).toBe(false);
    // Started again from the rewritten log, the meeting document is the same.
    const again = laptop(b.path);
    expect((again.services.sync.docFor(`forum/${forum.id}/moede/${meeting.id}`).getMap('punkter').get(item.id) as { toJSON(): unknown }).toJSON()).toMatchObject({ confidential: 1 });
    again.services.close();
  }, 60_000);

  it('kill -9 mellem afvisningen og fjernelsen: fjernelsen sker ved næste start', async () => {
    const { b, forum } = await memberWithSecrets();
    b.services.close();

    const child = startChild(['mistet', b.path, forum.id, 'forum', 'revoked-device']);
    await child.line(/^STOPPET AFVIST$/);
    await killHard(child);

    const again = laptop(b.path);
    expect(again.services.sync.lostForums()).toMatchObject([{ forumId: forum.id, scope: 'forum', reason: 'revoked-device' }]);
    expect(again.services.sync.lostForums()[0]?.purgedAt).not.toBeNull();
    expect(documentsOf(again, forum.id)).toEqual([]);
    expect((await must(again.services, 'backup.notices', {})).map((n) => n.kind)).toEqual(['adgang-mistet']);
    expect(fileBytes(again).includes(Buffer.from(CANARY))).toBe(false);
  }, 60_000);
});
