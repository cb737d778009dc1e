import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { parseDocumentName } from '../../shared/sync/documents';
import { must } from './support';
import { forumRows, laptop, send, sharedTrio, updateItem, type Laptop } from './sync-support';

/**
 * Confidential canaries never reach the documents a reader may receive: random routes through the
 * service layer (create, edit, decide, act, close, open, rename, remove, carry, merge) on a shared forum,
 * then every byte of every `moede` and `forum` document and of every update logged for them is searched,
 * and so is the archive of a reader's laptop that received those documents. A canary counts as released
 * only when the user opens its item again.
 */

const ROUTES = ['opret', 'noter', 'beslut', 'handling', 'luk', 'aabn', 'omdoeb', 'fjern', 'udskyd', 'sag', 'kommentar'] as const;
type Route = (typeof ROUTES)[number];

interface Step {
  route: Route;
  pick: number;
  other: number;
}

const step = fc.record({ route: fc.constantFrom(...ROUTES), pick: fc.nat(), other: fc.nat() });

interface World {
  a: Laptop;
  forumId: string;
  meetings: [string, string];
  /** Canaries written while their item was confidential, by item. */
  canaries: Map<string, string[]>;
  released: Set<string>;
  count: number;
}

function items(w: World, where: 'alle' | 'lukkede' | 'aabne', meeting?: string): string[] {
  const condition = where === 'lukkede' ? 'AND confidential = 1' : where === 'aabne' ? 'AND confidential = 0' : '';
  const meetings = meeting ? [meeting] : w.meetings;
  return w.a.db
    .prepare(`SELECT id FROM agenda_item WHERE meeting_id IN (SELECT value FROM json_each(?)) ${condition} ORDER BY meeting_id, position`)
    .pluck()
    .all(JSON.stringify(meetings)) as string[];
}

function canary(w: World, itemId: string): string {
  const text = `KANARIE${++w.count}FUGL`;
  w.canaries.set(itemId, [...(w.canaries.get(itemId) ?? []), text]);
  return text;
}

async function walk(w: World, s: Step): Promise<void> {
  const { services } = w.a;
  const pickFrom = (ids: string[]) => ids[s.pick % Math.max(ids.length, 1)];
  const closed = pickFrom(items(w, 'lukkede'));
  switch (s.route) {
    case 'opret': {
      const meetingId = w.meetings[s.other % 2] as string;
      const title = `KANARIE${++w.count}FUGL`;
      const item = await must(services, 'agenda.addItem', { meetingId, title, type: 'droeftelse', minutes: 10, confidential: true, background: `Baggrund ${title}` });
      w.canaries.set(item.id, [title]);
      return;
    }
    case 'noter':
      if (closed) await must(services, 'run.saveNotes', { itemId: closed, notes: `Noter om ${canary(w, closed)}` });
      return;
    case 'kommentar':
      if (closed) await must(services, 'comments.add', { itemId: closed, kind: s.other % 2 === 0 ? 'kommentar' : 'spoergsmaal', text: `Spørgsmål om ${canary(w, closed)}` });
      return;
    case 'beslut':
      if (closed) await services.call('decisions.record', { itemId: closed, colour: 'roed', text: canary(w, closed), dissents: [{ role: 'TR', text: canary(w, closed) }] });
      return;
    case 'handling':
      if (closed) await must(services, 'actions.create', { itemId: closed, what: canary(w, closed), who: 'Mette', due: null });
      return;
    case 'luk': {
      const open = pickFrom(items(w, 'aabne'));
      if (open) await updateItem(w.a, open, { confidential: true, sensitive: false });
      return;
    }
    case 'aabn':
      if (!closed) return;
      await updateItem(w.a, closed, { confidential: false });
      // The user opened it: what it says is shared from now on, by their choice.
      for (const text of w.canaries.get(closed) ?? []) w.released.add(text);
      return;
    case 'omdoeb':
      if (closed) await updateItem(w.a, closed, { title: canary(w, closed) });
      return;
    case 'fjern': {
      const any = pickFrom(items(w, 'alle'));
      if (any) await services.call('agenda.removeItem', { itemId: any });
      return;
    }
    case 'udskyd': {
      const first = pickFrom(items(w, 'alle', w.meetings[0]));
      if (first) await services.call('run.park', { itemId: first });
      return;
    }
    case 'sag': {
      const later = pickFrom(items(w, 'alle', w.meetings[1]));
      const earlier = items(w, 'alle', w.meetings[0])[s.other % Math.max(items(w, 'alle', w.meetings[0]).length, 1)];
      if (later && earlier) await services.call('sager.link', { itemId: later, earlierItemId: earlier });
      return;
    }
  }
}

function forbidden(w: World): string[] {
  return [...w.canaries.values()].flat().filter((text) => !w.released.has(text));
}

/**
 * Everything the server holds or sends of the documents a reader may receive (or, with `confidential`, of
 * the members-only ones): the raw bytes of every logged update and of each state, and the text of every
 * state the documents passed through (a text changed by a small diff is stored in pieces, so the raw
 * bytes alone would not show a canary that was edited into another).
 */
function documentContent(w: World, confidential: boolean): string {
  const names = w.a.services.sync.documentNames(w.forumId).filter((name) => (parseDocumentName(name)?.kind === 'fortroligt') === confidential);
  const logged = w.a.db.prepare('SELECT document, update_blob FROM sync_update ORDER BY seq').all() as { document: string; update_blob: Buffer }[];
  const parts: string[] = [];
  for (const name of names) {
    const replay = new Y.Doc();
    for (const row of logged.filter((r) => r.document === name)) {
      parts.push(row.update_blob.toString('latin1'));
      Y.applyUpdate(replay, row.update_blob);
      parts.push(textOf(replay));
    }
    parts.push(Buffer.from(Y.encodeStateAsUpdate(w.a.services.sync.docFor(name))).toString('latin1'));
  }
  return parts.join('\n');
}

/** All a document says, as JSON. Every root type of ours is a map; Yjs lists a root it has not been asked for by name without its content. */
function textOf(doc: Y.Doc): string {
  for (const name of [...doc.share.keys()]) doc.getMap(name);
  return JSON.stringify(doc.toJSON());
}

describe('fortroligt indhold når aldrig møde- og forumdokumenterne', () => {
  it('kanariefugle fra lukkede punkter findes ikke i de delte dokumenters bytes, ad nogen rute', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 12 }), async (steps) => {
        const { laptops, forum, meeting } = await sharedTrio(1);
        const a = laptops[0]!;
        // Comments are written in the name the server knows the user by.
        const me = await must(a.services, 'members.add', { forumId: forum.id, name: 'Mette Hansen', role: 'Skoleleder', fromDate: '2026-08-01' });
        a.services.sync.recordAccess(forum.id, { right: 'medlem', admin: false, forumPersonId: me.personId });
        const next = await must(a.services, 'meetings.create', { forumId: forum.id, title: 'Næste møde', startsAt: '2027-01-05T14:00', durationMinutes: 90 });
        const w: World = { a, forumId: forum.id, meetings: [meeting.id, next.id], canaries: new Map(), released: new Set(), count: 0 };
        for (const s of steps) await walk(w, s);
        const secrets = forbidden(w);

        const shared = documentContent(w, false);
        for (const secret of secrets) expect(shared, `«${secret}» står i et delt dokument`).not.toContain(secret);
        // The search can find them: every secret still in the archive is in the members-only documents.
        const own = JSON.stringify(forumRows(a.db, forum.id));
        const members = documentContent(w, true);
        for (const secret of secrets.filter((text) => own.includes(text))) expect(members).toContain(secret);

        // A reader's laptop receives the meeting and forum documents only.
        const reader = laptop();
        send(a, reader, forum.id, { confidential: false });
        const rows = JSON.stringify(forumRows(reader.db, forum.id));
        for (const secret of secrets) expect(rows, `«${secret}» står i læserens arkiv`).not.toContain(secret);
        // A member's laptop receives everything, and ends with the same rows.
        const member = laptop();
        send(a, member, forum.id);
        expect(forumRows(member.db, forum.id)).toEqual(forumRows(a.db, forum.id));
        for (const l of [a, reader, member]) l.services.close();
      }),
      { numRuns: 10, seed: 20261206 },
    );
  }, 300_000);
});
