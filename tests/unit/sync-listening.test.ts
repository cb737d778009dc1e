import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { READ_ONLY_MESSAGE } from '../../electron/sync/core';
import { LISTENING_RECORDS } from '../../electron/sync/codec/listeningRecords';
import type { SqliteDb } from '../../electron/archive/open';
import { documentName } from '../../shared/sync/documents';
import { ORDER_FIELD } from '../../shared/records/fields';
import { must } from './support';
import { converge, laptop, send, SERVER, type Laptop } from './sync-support';

/**
 * A lyttemøde series shared through its own forum (migration 025): the series, its meetings, themes and
 * inputs travel in the forum's index document, from rows to document and back, and merge when both visitors
 * worked offline.
 */

/** Every row of the forum's series, sorted, for comparing two archives. */
function seriesRows(db: SqliteDb, forumId: string): Record<string, unknown[]> {
  const series = `(SELECT id FROM listening_series WHERE forum_id = '${forumId}')`;
  const meetings = `(SELECT id FROM listening_meeting WHERE series_id IN ${series})`;
  const queries: Record<string, string> = {
    listening_series: `SELECT * FROM listening_series WHERE id IN ${series} ORDER BY id`,
    listening_meeting: `SELECT * FROM listening_meeting WHERE id IN ${meetings} ORDER BY id`,
    listening_theme: `SELECT * FROM listening_theme WHERE series_id IN ${series} ORDER BY id`,
    listening_input: `SELECT * FROM listening_input WHERE meeting_id IN ${meetings} ORDER BY meeting_id, position`,
    listening_input_theme: `SELECT * FROM listening_input_theme WHERE input_id IN (SELECT id FROM listening_input WHERE meeting_id IN ${meetings}) ORDER BY input_id, theme_id`,
  };
  return Object.fromEntries(Object.entries(queries).map(([table, sql]) => [table, db.prepare(sql).all()]));
}

/** The skolechef's series with a held meeting, sorted and themed inputs (one a quote) and a planned meeting, shared. */
async function sharedSeries(skolechef: Laptop) {
  const s = skolechef.services;
  const series = await must(s, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', purpose: 'At høre lærerne.', visitors: 'Skolechefen og kredsformanden' });
  const held = await must(s, 'listening.planMeeting', { seriesId: series.id, school: 'Egeskolen', date: '2026-11-10', startTime: '14:30', teacherGroup: 'Indskolingens lærere' });
  await must(s, 'listening.planMeeting', { seriesId: series.id, school: 'Bøgeskolen', date: '2027-01-12', teacherGroup: 'Udskolingens lærere' });
  const first = await must(s, 'listening.addInput', { meetingId: held.id, text: 'Forberedelsestiden forsvinder i vikartimer.', themes: ['Forberedelse', 'Vikarer'] });
  const quote = await must(s, 'listening.addInput', { meetingId: held.id, text: 'Vi når det ikke.', isQuote: true, themes: ['Forberedelse'] });
  await must(s, 'listening.sortInput', { inputId: first.id, destination: 'kommune_kreds', note: 'Tages op i kredsen.' });
  await must(s, 'listening.markHeld', { meetingId: held.id, held: true, participantCount: 14 });
  const inForum = await must(s, 'listening.shareAsForum', { seriesId: series.id });
  const forumId = inForum.forumId;
  if (forumId === null) throw new Error('Serien fik intet forum.');
  skolechef.services.sync.shareForum(forumId, SERVER);
  return { series, held, first, quote, forumId };
}

describe('en serie lyttemøder deles som sit eget forum', () => {
  it('bliver et lyttemødeforum, og en ny bærbar får seriens rækker fra forummets dokument', async () => {
    const skolechef = laptop();
    const { series, forumId } = await sharedSeries(skolechef);
    const forum = await must(skolechef.services, 'forums.get', { forumId });
    expect(forum).toMatchObject({ kind: 'lyttemoede', name: 'Lyttemøder om arbejdstid', school: 'Kommunen' });
    // Asking again keeps the series in its forum.
    expect((await must(skolechef.services, 'listening.shareAsForum', { seriesId: series.id })).forumId).toBe(forumId);

    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);
    const before = seriesRows(skolechef.db, forumId);
    expect(before['listening_input']).toHaveLength(2);
    expect(before['listening_input_theme']).toHaveLength(3);
    expect(seriesRows(kredsformand.db, forumId)).toEqual(before);
    const seen = await must(kredsformand.services, 'listening.getSeries', { seriesId: series.id });
    expect(seen.series).toMatchObject({ title: 'Lyttemøder om arbejdstid', forumId, heldCount: 1, inputCount: 2 });
  });

  it('anonymt i dokumentet: et input har kun sine erklærede felter, ingen person', async () => {
    const skolechef = laptop();
    const { forumId, first } = await sharedSeries(skolechef);
    const doc = skolechef.services.sync.docFor(documentName({ kind: 'forum', forumId }));
    for (const codec of LISTENING_RECORDS) {
      const allowed = new Set([...codec.fields.map((f) => f.field), ORDER_FIELD]);
      const map = doc.getMap(codec.type);
      expect(map.size, codec.type).toBeGreaterThan(0);
      for (const record of map.values()) for (const field of (record as Y.Map<unknown>).keys()) expect(allowed, `${codec.type}.${field}`).toContain(field);
    }
    const input = doc.getMap('lytteinput').get(first.id) as Y.Map<unknown>;
    expect(String(input.get('text'))).toBe('Forberedelsestiden forsvinder i vikartimer.');
    expect([...input.keys()].some((k) => /person|author|by/i.test(k))).toBe(false);
  });

  it('redigeret offline på begge bærbare: det hele mødes, og samme nye tema bliver ét', async () => {
    const skolechef = laptop();
    const { held, first, quote, forumId } = await sharedSeries(skolechef);
    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);

    // Offline on both: each adds an input to the same meeting with a new theme of the same name, and they
    // change different things of the same input, and both write in the same input's note.
    const fromChef = await must(skolechef.services, 'listening.addInput', { meetingId: held.id, text: 'Teamtiden bliver brugt på møder.', themes: ['Mødetid'] });
    const fromKreds = await must(kredsformand.services, 'listening.addInput', { meetingId: held.id, text: 'Vi savner tid til forældresamtaler.', themes: ['mødetid'] });
    await must(skolechef.services, 'listening.updateInput', { inputId: quote.id, text: 'Vi når det simpelthen ikke.', isQuote: true });
    await must(kredsformand.services, 'listening.sortInput', { inputId: quote.id, destination: 'lokalt' });
    await must(skolechef.services, 'listening.sortInput', { inputId: first.id, note: 'Skolechefen: Tages op i kredsen.' });
    await must(kredsformand.services, 'listening.sortInput', { inputId: first.id, note: 'Tages op i kredsen i januar.' });

    converge([skolechef, kredsformand], forumId);
    const rows = seriesRows(skolechef.db, forumId);
    expect(seriesRows(kredsformand.db, forumId)).toEqual(rows);
    const detail = await must(kredsformand.services, 'listening.getMeeting', { meetingId: held.id });
    expect(detail.inputs.map((i) => i.id).sort()).toEqual([first.id, quote.id, fromChef.id, fromKreds.id].sort());
    expect(detail.inputs.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    const merged = detail.inputs.find((i) => i.id === quote.id);
    expect(merged).toMatchObject({ text: 'Vi når det simpelthen ikke.', destination: 'lokalt' });
    const note = detail.inputs.find((i) => i.id === first.id)?.note ?? '';
    expect(note).toContain('Skolechefen');
    expect(note).toContain('januar');
    // One theme «Mødetid», on both new inputs.
    const themes = detail.themes.filter((t) => t.name.toLowerCase() === 'mødetid');
    expect(themes).toHaveLength(1);
    expect(themes[0]?.inputCount).toBe(2);
  });

  it('to temaer med samme navn fra hver sin bærbar stopper ikke synkroniseringen: det ene springes over med en grund', async () => {
    const skolechef = laptop();
    const { held, first, forumId } = await sharedSeries(skolechef);
    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);
    const vikarer = (await must(kredsformand.services, 'listening.getSeries', { seriesId: (await must(kredsformand.services, 'listening.getMeeting', { meetingId: held.id })).meeting.seriesId })).themes.find((t) => t.name === 'Vikarer');
    if (!vikarer) throw new Error('Temaet Vikarer mangler.');
    // Offline: one renames «Vikarer» to «Vikardækning», the other makes a new theme of that name.
    await must(kredsformand.services, 'listening.renameTheme', { themeId: vikarer.id, name: 'Vikardækning' });
    const fromChef = await must(skolechef.services, 'listening.addInput', { meetingId: held.id, text: 'Vikardækningen tager teamtiden.', themes: ['Vikardækning'] });

    expect(() => converge([skolechef, kredsformand], forumId)).not.toThrow();
    for (const l of [skolechef, kredsformand]) {
      const detail = await must(l.services, 'listening.getMeeting', { meetingId: held.id });
      expect(detail.inputs.map((i) => i.id)).toEqual(expect.arrayContaining([first.id, fromChef.id]));
    }
    // The archives still take later edits from each other.
    await must(kredsformand.services, 'listening.sortInput', { inputId: fromChef.id, destination: 'parkeret' });
    send(kredsformand, skolechef, forumId);
    expect((await must(skolechef.services, 'listening.getMeeting', { meetingId: held.id })).inputs.find((i) => i.id === fromChef.id)?.destination).toBe('parkeret');
  });

  it('et input fjernet på den ene bærbar forsvinder også på den anden', async () => {
    const skolechef = laptop();
    const { quote, held, forumId } = await sharedSeries(skolechef);
    const kredsformand = laptop();
    send(skolechef, kredsformand, forumId);
    await must(kredsformand.services, 'listening.removeInput', { inputId: quote.id });
    send(kredsformand, skolechef, forumId);
    const detail = await must(skolechef.services, 'listening.getMeeting', { meetingId: held.id });
    expect(detail.inputs.map((i) => i.id)).not.toContain(quote.id);
    expect(seriesRows(skolechef.db, forumId)).toEqual(seriesRows(kredsformand.db, forumId));
  });

  it('en læser af lyttemødeforummet kan ikke skrive i serien, og intet er halvt skrevet', async () => {
    const skolechef = laptop();
    const { held, forumId } = await sharedSeries(skolechef);
    const reader = laptop();
    reader.services.sync.shareForum(forumId, SERVER, { right: 'læser', admin: false, forumPersonId: null });
    send(skolechef, reader, forumId);
    const before = seriesRows(reader.db, forumId);
    const refused = await reader.services.call('listening.addInput', { meetingId: held.id, text: 'Et input, der ikke må gemmes.', themes: ['Nyt tema'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe(READ_ONLY_MESSAGE);
    expect(seriesRows(reader.db, forumId)).toEqual(before);
  });
});
