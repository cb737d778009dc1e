import { describe, expect, test } from 'vitest';
import { DERIVED_TABLES, TRACKED_TABLES, startChanges, takeChanges, withChangesUntracked } from '../../electron/archive/changes';
import type { SqliteDb } from '../../electron/archive/open';
import type { Services } from '../../electron/services/dispatch';
import type { Change } from '../../shared/api/changes';
import type { ArchiveChanged, Method, MethodInput } from '../../shared/api/contract';
import { isAffected, readsOf, type ReadMethod } from '../../shared/api/reads';
import { must, seedListening, seedSlice, servicesOn, servicesWithArchive } from './support';

/** Runs one write and returns the changes its event named. */
async function changesOf<M extends Method>(services: Services, method: M, input: MethodInput<M>): Promise<readonly Change[]> {
  const events: ArchiveChanged[] = [];
  const unsubscribe = services.subscribe((event) => {
    if (event.type === 'archive.changed') events.push(event);
  });
  await must(services, method, input);
  unsubscribe();
  expect(events).toHaveLength(1);
  return events[0]?.changes ?? [];
}

const sorted = (changes: readonly Change[]) => [...changes].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** A query as the renderer holds it: method, input and its last answer. */
interface HeldQuery {
  name: string;
  method: ReadMethod;
  input: object;
  value?: unknown;
}

function affectedNames(queries: HeldQuery[], changes: readonly Change[]): string[] {
  return queries
    .filter((q) => isAffected(readsOf(q.method, q.input as never, q.value as never), changes))
    .map((q) => q.name)
    .sort();
}

describe('change events name what a write touched', () => {
  test('every table of the archive has change triggers, or is a search index built from tables that have', async () => {
    const { services, archive } = servicesWithArchive();
    await seedSlice(services);
    const tables = archive.db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    // FTS5 keeps its index in shadow tables named after the virtual table.
    const isIndex = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`)) || DERIVED_TABLES.includes(name);
    const ordinary = tables.map((t) => t.name).filter((name) => !isIndex(name));
    expect(ordinary.length).toBeGreaterThan(20);
    const triggers = archive.db.prepare("SELECT tbl_name, sql FROM temp.sqlite_master WHERE type = 'trigger'").all() as { tbl_name: string; sql: string }[];
    for (const table of ordinary) {
      expect(Object.keys(TRACKED_TABLES), `tabellen ${table} mangler i TRACKED_TABLES`).toContain(table);
      const on = triggers.filter((t) => t.tbl_name === table).map((t) => t.sql);
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) expect(on.some((sql) => sql.includes(`AFTER ${event}`)), `${table}: ${event}`).toBe(true);
    }
    // No entry for a table that no longer exists.
    for (const table of Object.keys(TRACKED_TABLES)) expect(ordinary).toContain(table);
  });

  test('a notes autosave touches only the open meeting, and only its queries refetch', async () => {
    const services = servicesOn();
    const { forum, meeting, decisionItem } = await seedSlice(services);
    const other = await must(services, 'meetings.create', { forumId: forum.id, title: 'Næste møde', startsAt: '2027-01-12T14:00', durationMinutes: 60 });
    await must(services, 'run.start', { meetingId: meeting.id });
    const open = await must(services, 'meetings.get', { meetingId: meeting.id });
    const otherDetail = await must(services, 'meetings.get', { meetingId: other.id });

    const changes = await changesOf(services, 'run.saveNotes', { itemId: decisionItem.id, notes: 'Vi drøftede tilsynet i to runder.' });
    expect(changes).toEqual([{ aggregate: 'notes', id: meeting.id }]);

    const held: HeldQuery[] = [
      // The run screen and the projector window.
      { name: 'afvikling', method: 'meetings.get', input: { meetingId: meeting.id }, value: open },
      { name: 'projektor', method: 'run.presenter', input: { meetingId: meeting.id } },
      { name: 'referat', method: 'referat.get', input: { meetingId: meeting.id } },
      // The Oversigt, the navigation and what else a window may keep in its cache.
      { name: 'oversigt-møder', method: 'meetings.overview', input: { from: '2026-11-01T00:00', limit: 5 } },
      { name: 'oversigt-handlinger', method: 'actions.listOpen', input: {} },
      { name: 'oversigt-beslutninger', method: 'decisions.list', input: { limit: 5 } },
      { name: 'fora', method: 'forums.list', input: {} },
      { name: 'forum', method: 'forums.get', input: { forumId: forum.id } },
      { name: 'mødeliste', method: 'meetings.page', input: { offset: 0, limit: 50 } },
      { name: 'andet-møde', method: 'meetings.get', input: { meetingId: other.id }, value: otherDetail },
      { name: 'punkttyper', method: 'itemTypes.list', input: {} },
    ];
    // The projector shows no notes, so it is not read again while someone writes them.
    expect(affectedNames(held, changes)).toEqual(['afvikling', 'referat']);
  });

  test('the projector follows the clock and the item of a running meeting, but not its notes', async () => {
    const services = servicesOn();
    const { meeting, decisionItem } = await seedSlice(services);
    await must(services, 'run.start', { meetingId: meeting.id });
    const projector: HeldQuery[] = [{ name: 'projektor', method: 'run.presenter', input: { meetingId: meeting.id } }];

    const started = await changesOf(services, 'run.timer', { itemId: decisionItem.id, action: 'start' });
    expect(started).toEqual([{ aggregate: 'agenda', id: meeting.id }]);
    expect(affectedNames(projector, started)).toEqual(['projektor']);
    const moved = await changesOf(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: decisionItem.id });
    expect(affectedNames(projector, moved)).toEqual(['projektor']);

    const written = await changesOf(services, 'run.saveNotes', { itemId: decisionItem.id, notes: 'Første runde.' });
    expect(written).toEqual([{ aggregate: 'notes', id: meeting.id }]);
    expect(affectedNames(projector, written)).toEqual([]);
    // Notes saved again unchanged touch nothing, so nothing is read again.
    expect(await changesOf(services, 'run.saveNotes', { itemId: decisionItem.id, notes: 'Første runde.' })).toEqual([]);
  });

  test('an item changed in preparation touches its meeting; a new title also shows in lists outside it', async () => {
    const services = servicesOn();
    const { meeting, talkItem } = await seedSlice(services);
    const background = await changesOf(services, 'agenda.updateItem', { itemId: talkItem.id, title: 'APV', type: 'droeftelse', minutes: 25, background: 'Tallene fra foråret.' });
    expect(background).toEqual([{ aggregate: 'agenda', id: meeting.id }]);
    const renamed = await changesOf(services, 'agenda.updateItem', { itemId: talkItem.id, title: 'APV-opfølgning', type: 'droeftelse', minutes: 25 });
    expect(sorted(renamed)).toEqual(sorted([{ aggregate: 'agenda', id: meeting.id }, { aggregate: 'meeting', id: meeting.id }]));
  });

  test('an action marked done touches its forum’s actions, its own meeting and the later meetings that follow it up', async () => {
    const services = servicesOn();
    const { forum, meeting, decisionItem } = await seedSlice(services);
    const action = await must(services, 'actions.create', { itemId: decisionItem.id, what: 'Sende tilsynsplanen', who: 'Mette Lund' });
    const later = await must(services, 'meetings.create', { forumId: forum.id, title: 'Januarmødet', startsAt: '2027-01-12T14:00', durationMinutes: 60 });
    const laterDetail = await must(services, 'meetings.get', { meetingId: later.id });
    expect(laterDetail.followUp.map((a) => a.id)).toContain(action.id);
    const elsewhere = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO Bøgely', school: 'Bøgeskolen' });
    const elsewhereMeeting = await must(services, 'meetings.create', { forumId: elsewhere.id, title: 'Bøgely', startsAt: '2027-01-13T14:00', durationMinutes: 60 });
    const elsewhereDetail = await must(services, 'meetings.get', { meetingId: elsewhereMeeting.id });

    const changes = await changesOf(services, 'actions.markDone', { actionId: action.id });
    expect(sorted(changes)).toEqual(sorted([{ aggregate: 'action', id: forum.id }, { aggregate: 'agenda', id: meeting.id }]));
    const held: HeldQuery[] = [
      { name: 'januarmødet', method: 'meetings.get', input: { meetingId: later.id }, value: laterDetail },
      { name: 'bøgely-mødet', method: 'meetings.get', input: { meetingId: elsewhereMeeting.id }, value: elsewhereDetail },
      { name: 'forummets-handlinger', method: 'actions.list', input: { forumId: forum.id } },
      { name: 'bøgelys-handlinger', method: 'actions.list', input: { forumId: elsewhere.id } },
      { name: 'mødeliste', method: 'meetings.page', input: {} },
    ];
    expect(affectedNames(held, changes)).toEqual(['forummets-handlinger', 'januarmødet']);
  });

  test('a write that updates through an upsert notes each change once, and the demo installs whole', async () => {
    const services = servicesOn();
    const { forum, meeting } = await seedSlice(services);
    const member = await must(services, 'members.add', { forumId: forum.id, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01' });
    const set = { meetingId: meeting.id, personId: member.personId, role: 'Skoleleder', attendance: 'afbud' as const, facilitator: false, referent: false };
    expect(await changesOf(services, 'participants.set', set)).toEqual([{ aggregate: 'agenda', id: meeting.id }]);
    const demo = await changesOf(services, 'demo.install', {});
    expect(demo.map((c) => c.aggregate)).toEqual(expect.arrayContaining(['forum', 'meeting', 'agenda', 'action']));
  });

  test('a first write that is refused inside its transaction leaves change tracking working', async () => {
    const services = servicesOn();
    const refused = await services.call('agenda.addItem', { meetingId: '00000000-0000-4000-8000-000000000000', title: 'Punkt', type: 'droeftelse', minutes: 10 });
    expect(refused.ok).toBe(false);
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: 'Møde', startsAt: '2026-12-01T14:00', durationMinutes: 60 });
    const added = await changesOf(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Punkt', type: 'droeftelse', minutes: 10 });
    expect(sorted(added)).toEqual(sorted([{ aggregate: 'agenda', id: meeting.id }, { aggregate: 'meeting', id: meeting.id }]));
  });

  test('a restored backup changes everything; a failed write announces nothing', async () => {
    const services = servicesOn();
    const { meeting } = await seedSlice(services);
    const backup = await must(services, 'backup.create', {});
    expect(await changesOf(services, 'backup.restore', { fileName: backup.fileName })).toEqual([{ aggregate: 'alt' }]);
    const events: unknown[] = [];
    services.subscribe((event) => events.push(event));
    const failed = await services.call('agenda.addItem', { meetingId: meeting.id, title: '', type: 'beslutning', minutes: 10 });
    expect(failed.ok).toBe(false);
    expect(events).toEqual([]);
    // The restored connection tracks changes too.
    const added = await changesOf(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Nyt punkt', type: 'droeftelse', minutes: 10 });
    expect(sorted(added)).toEqual(sorted([{ aggregate: 'agenda', id: meeting.id }, { aggregate: 'meeting', id: meeting.id }]));
  });
  test('a bulk write without notes reports everything and leaves the notes working, also when it fails', async () => {
    const { services, archive } = servicesWithArchive();
    const { db } = archive;
    const { meeting } = await seedSlice(services);
    const tempTriggers = (d: SqliteDb) => d.prepare("SELECT name, sql FROM temp.sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const before = tempTriggers(db);
    expect(before.length).toBeGreaterThan(0);
    const rename = db.prepare('UPDATE meeting SET title = ? WHERE id = ?');

    const bulk = db.transaction(() => {
      startChanges(db);
      withChangesUntracked(db, () => {
        expect(tempTriggers(db)).toEqual([]);
        rename.run('Omdøbt i ét stræk', meeting.id);
      });
      return takeChanges(db);
    })();
    expect(bulk).toEqual([{ aggregate: 'alt' }]);
    expect(tempTriggers(db)).toEqual(before);

    expect(() =>
      db.transaction(() => {
        startChanges(db);
        withChangesUntracked(db, () => {
          rename.run('Aldrig gemt', meeting.id);
          throw new Error('strømmen gik');
        });
      })(),
    ).toThrow('strømmen gik');
    expect(tempTriggers(db)).toEqual(before);
    // The connection notes row by row again.
    const added = await changesOf(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Nyt punkt', type: 'droeftelse', minutes: 10 });
    expect(sorted(added)).toEqual(sorted([{ aggregate: 'agenda', id: meeting.id }, { aggregate: 'meeting', id: meeting.id }]));
    services.close();
  });
});

describe('a lyttemøde series follows every removal', () => {
  /** The lyttemøde screens of one series as a window holds them, with their last answers; and another series' page. */
  async function heldScreens(services: Services, seriesId: string, meetingId: string, otherSeriesId: string): Promise<HeldQuery[]> {
    const read = async (name: string, method: ReadMethod, input: object): Promise<HeldQuery> => ({ name, method, input, value: await must(services, method, input) });
    return [
      await read('serielisten', 'listening.listSeries', {}),
      await read('serien', 'listening.getSeries', { seriesId }),
      await read('lyttemødet', 'listening.getMeeting', { meetingId }),
      await read('temaoversigten', 'listening.overview', { seriesId }),
      await read('en-anden-serie', 'listening.getSeries', { seriesId: otherSeriesId }),
    ];
  }

  async function seeded() {
    const services = servicesOn();
    const { series, meeting, input, theme } = await seedListening(services);
    const other = await must(services, 'listening.createSeries', { title: 'Lyttemøder om inklusion', visitors: 'Skolechefen' });
    const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO Egeskolen', school: 'Egeskolen' });
    const trio = await must(services, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde januar', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
    return { services, series, meeting, input, theme, other, trio };
  }

  const SERIES_SCREENS = ['lyttemødet', 'serielisten', 'serien', 'temaoversigten'];

  test('deleting an input, a theme or an input’s theme, or undoing «afholdt», refetches every screen of its series and no other', async () => {
    const { services, series, meeting, input, theme, other } = await seeded();
    const second = await must(services, 'listening.addInput', { meetingId: meeting.id, text: 'Teammøderne bliver aflyst.', themes: ['Vikarer'] });
    await must(services, 'listening.markHeld', { meetingId: meeting.id, held: true, participantCount: 9 });
    const routes: [string, () => Promise<readonly Change[]>][] = [
      ['tema fjernet fra et input', () => changesOf(services, 'listening.setInputThemes', { inputId: second.id, themes: [] })],
      ['tema fjernet fra serien', () => changesOf(services, 'listening.removeTheme', { themeId: theme.id })],
      ['afholdt fortrudt', () => changesOf(services, 'listening.markHeld', { meetingId: meeting.id, held: false })],
      ['input slettet', () => changesOf(services, 'listening.removeInput', { inputId: input.id })],
    ];
    for (const [route, write] of routes) {
      const held = await heldScreens(services, series.id, meeting.id, other.id);
      expect(affectedNames(held, await write()), route).toEqual(SERIES_SCREENS);
    }
  });

  test('removing a lyttemøde refetches the series list and the series', async () => {
    const { services, series, meeting, other } = await seeded();
    const planned = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Lindeskolen', date: '2027-03-16', teacherGroup: 'Udskolingens lærere' });
    const held = await heldScreens(services, series.id, meeting.id, other.id);
    const changes = await changesOf(services, 'listening.removeMeeting', { meetingId: planned.id });
    expect(affectedNames(held, changes)).toEqual(SERIES_SCREENS);
  });

  test('an input sent to a forum follows its item removed and its meeting moved', async () => {
    const { services, series, meeting, input, other, trio } = await seeded();
    const sent = await must(services, 'listening.sendInput', { inputId: input.id, meetingId: trio.id, title: 'Forberedelsestid', type: 'droeftelse', minutes: 15 });
    const moved = await changesOf(services, 'meetings.update', { meetingId: trio.id, title: 'TRIO-møde januar', startsAt: '2027-01-19T14:00', durationMinutes: 90 });
    expect(affectedNames(await heldScreens(services, series.id, meeting.id, other.id), moved)).toEqual(['lyttemødet', 'temaoversigten']);
    const itemId = sent.sentTo?.itemId;
    if (itemId === undefined) throw new Error('Inputtet blev ikke sendt videre');
    const removed = await changesOf(services, 'agenda.removeItem', { itemId });
    expect(affectedNames(await heldScreens(services, series.id, meeting.id, other.id), removed)).toEqual(SERIES_SCREENS);
    expect((await must(services, 'listening.getMeeting', { meetingId: meeting.id })).inputs[0]?.sentTo).toBeNull();
  });

  test('an agenda item sent from a lyttemøde loses its «Fra lyttemøde» when the input is deleted', async () => {
    const { services, input, trio } = await seeded();
    await must(services, 'listening.sendInput', { inputId: input.id, meetingId: trio.id, title: 'Forberedelsestid', type: 'droeftelse', minutes: 15 });
    const agenda: HeldQuery = { name: 'trio-mødet', method: 'meetings.get', input: { meetingId: trio.id }, value: await must(services, 'meetings.get', { meetingId: trio.id }) };
    expect(affectedNames([agenda], await changesOf(services, 'listening.removeInput', { inputId: input.id }))).toEqual(['trio-mødet']);
    expect((await must(services, 'meetings.get', { meetingId: trio.id })).items[0]?.fromListening ?? null).toBeNull();
  });

  test('removing the demo refetches the series list', async () => {
    const services = servicesOn();
    await must(services, 'demo.install', {});
    const list: HeldQuery = { name: 'serielisten', method: 'listening.listSeries', input: {}, value: await must(services, 'listening.listSeries', {}) };
    expect(affectedNames([list], await changesOf(services, 'demo.remove', {}))).toEqual(['serielisten']);
    expect(await must(services, 'listening.listSeries', {})).toEqual([]);
  });
});
