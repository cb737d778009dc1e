import { describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { must, seedSlice, tempArchivePath } from './support';

/** Services whose clock stands still on a Wednesday in January 2027 (local time). */
function servicesAt(now = '2027-01-13T10:00:00') {
  const ctx = createContext(openArchive(tempArchivePath()), 'test');
  ctx.now = () => new Date(now);
  return createServices(ctx);
}

async function withActions(services: Services) {
  const slice = await seedSlice(services);
  const item = slice.decisionItem.id;
  const overdue = await must(services, 'actions.create', { itemId: item, what: 'Sende tilsynsplanen', who: 'Mette Lund', due: '2027-01-05' });
  const later = await must(services, 'actions.create', { itemId: item, what: 'Finde en løsning for pædagogerne', who: 'Jonas Holm', due: '2027-02-01' });
  const noDue = await must(services, 'actions.create', { itemId: item, what: 'Trække fraværstal', who: 'Ali Hassan', due: null });
  const soon = await must(services, 'actions.create', { itemId: item, what: 'Booke lokale', who: 'Mette Lund', due: '2027-01-20' });
  return { ...slice, overdue, later, noDue, soon };
}

const whats = (rows: { what: string }[]) => rows.map((r) => r.what);

describe('handlingsoversigten', () => {
  it('viser overskredne først og derefter efter frist, med filtre for forum, hvem, status og frist', async () => {
    const services = servicesAt();
    const { forum, overdue, soon } = await withActions(services);
    const page = await must(services, 'actions.list', {});
    expect(whats(page.rows)).toEqual(['Sende tilsynsplanen', 'Booke lokale', 'Finde en løsning for pædagogerne', 'Trække fraværstal']);
    expect(page.rows.map((r) => r.overdue)).toEqual([true, false, false, false]);
    expect(page.rows[0]).toMatchObject({ forumName: 'TRIO', itemTitle: 'Fordeling af tilsyn', meetingTitle: 'TRIO-møde', childCount: 0 });
    expect(page.more).toBe(false);

    // Forsinket set by hand counts as overdue even before the deadline.
    await must(services, 'actions.update', { actionId: soon.id, status: 'forsinket', note: 'Lokalet er optaget' });
    expect(whats((await must(services, 'actions.list', {})).rows).slice(0, 2)).toEqual(['Sende tilsynsplanen', 'Booke lokale']);
    expect((await must(services, 'actions.list', {})).rows[1]?.overdue).toBe(true);

    expect(whats((await must(services, 'actions.list', { who: 'mette' })).rows)).toEqual(['Sende tilsynsplanen', 'Booke lokale']);
    expect(whats((await must(services, 'actions.list', { who: '%' })).rows)).toEqual([]);
    expect(whats((await must(services, 'actions.list', { status: 'forsinket' })).rows)).toEqual(['Booke lokale']);
    expect(whats((await must(services, 'actions.list', { dueBefore: '2027-01-21' })).rows)).toEqual(['Sende tilsynsplanen', 'Booke lokale']);
    expect((await must(services, 'actions.list', { forumId: forum.id })).rows).toHaveLength(4);

    await must(services, 'actions.markDone', { actionId: overdue.id });
    const open = await must(services, 'actions.list', { status: 'alle_aabne' });
    expect(whats(open.rows)).toEqual(['Booke lokale', 'Finde en løsning for pædagogerne', 'Trække fraværstal']);
    // Done actions are never overdue.
    expect((await must(services, 'actions.list', { status: 'udfoert' })).rows[0]?.overdue).toBe(false);

    const first = await must(services, 'actions.list', { limit: 2 });
    expect(first.more).toBe(true);
    const second = await must(services, 'actions.list', { limit: 2, offset: 2 });
    expect(second.more).toBe(false);
    expect([...whats(first.rows), ...whats(second.rows)]).toHaveLength(4);

    const tooMany = await services.call('actions.list', { limit: 201 });
    expect(tooMany.ok).toBe(false);
    services.close();
  });

  it('skriver en dateret note ved hver statusændring, og droppet kræver en begrundelse', async () => {
    const services = servicesAt();
    const { later } = await withActions(services);
    const started = await must(services, 'actions.update', { actionId: later.id, status: 'igang', note: 'Talt med SFO-lederen' });
    expect(started.status).toBe('igang');

    const noReason = await services.call('actions.update', { actionId: later.id, status: 'droppet', note: '' });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) {
      expect(noReason.error.field).toBe('dropReason');
      expect(noReason.error.message).toBe('Skriv hvorfor handlingen droppes.');
    }
    const blank = await services.call('actions.update', { actionId: later.id, status: 'droppet', note: '', dropReason: '   ' });
    expect(blank.ok).toBe(false);

    const nothing = await services.call('actions.update', { actionId: later.id, status: 'igang', note: '' });
    expect(nothing.ok).toBe(false);

    const dropped = await must(services, 'actions.update', { actionId: later.id, status: 'droppet', note: '', dropReason: 'Løst med et nyt skema' });
    expect(dropped).toMatchObject({ status: 'droppet', dropReason: 'Løst med et nyt skema' });
    const notes = await must(services, 'actions.notes', { actionId: later.id });
    expect(notes.map((n) => [n.statusFrom, n.statusTo, n.note])).toEqual([
      ['aaben', 'igang', 'Talt med SFO-lederen'],
      ['igang', 'droppet', 'Løst med et nyt skema'],
    ]);
    expect(notes[0]?.createdAt).toBe(new Date('2027-01-13T10:00:00').toISOString());

    // Reopening clears the reason.
    const reopened = await must(services, 'actions.update', { actionId: later.id, status: 'aaben', note: 'Skemaet holdt ikke' });
    expect(reopened.dropReason).toBeNull();
    services.close();
  });

  it('deler en handling i mindre dele i samme forum, møde og punkt, og sætter den i gang', async () => {
    const services = servicesAt();
    const { later, meeting, decisionItem } = await withActions(services);
    const parts = await must(services, 'actions.split', {
      actionId: later.id,
      parts: [
        { what: 'Spørge pædagogerne', who: 'Sara Nielsen', due: '2027-01-20' },
        { what: 'Foreslå ny mødetid', who: 'Jonas Holm' },
      ],
    });
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ meetingId: meeting.id, itemId: decisionItem.id, parentActionId: later.id, status: 'aaben', due: '2027-01-20' });
    expect(parts[1]?.due).toBeNull();
    const list = await must(services, 'actions.list', { status: 'igang' });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ id: later.id, childCount: 2 });
    const notes = await must(services, 'actions.notes', { actionId: later.id });
    expect(notes[0]?.note).toContain('Delt i 2 mindre handlinger');

    const one = await services.call('actions.split', { actionId: later.id, parts: [{ what: 'Kun én', who: 'TR' }] });
    expect(one.ok).toBe(false);
    await must(services, 'actions.markDone', { actionId: later.id });
    const done = await services.call('actions.split', {
      actionId: later.id,
      parts: [
        { what: 'A', who: 'TR' },
        { what: 'B', who: 'TR' },
      ],
    });
    expect(done.ok).toBe(false);
    services.close();
  });

  it('åbne, igangværende og forsinkede handlinger kommer med i næste mødes «Opfølgning fra sidst»; udførte og droppede ikke', async () => {
    const services = servicesAt();
    const { forum, overdue, later, noDue, soon } = await withActions(services);
    const next = await must(services, 'meetings.create', { forumId: forum.id, title: 'Næste møde', startsAt: '2027-02-02T14:00', durationMinutes: 90 });
    await must(services, 'actions.update', { actionId: overdue.id, status: 'igang', note: 'Halvvejs' });
    await must(services, 'actions.update', { actionId: soon.id, status: 'forsinket', note: 'Venter på pedellen' });
    await must(services, 'actions.markDone', { actionId: later.id });
    await must(services, 'actions.update', { actionId: noDue.id, status: 'droppet', note: '', dropReason: 'Tallene findes allerede' });
    const detail = await must(services, 'meetings.get', { meetingId: next.id });
    expect(detail.followUp.map((a) => [a.what, a.status])).toEqual([
      ['Sende tilsynsplanen', 'igang'],
      ['Booke lokale', 'forsinket'],
    ]);
    expect(whats(await must(services, 'actions.listOpen', {}))).toEqual(['Sende tilsynsplanen', 'Booke lokale']);
    services.close();
  });
});

describe('handlingsoversigtens sider', () => {
  it('giver de samme rækker i samme orden som én sortering af alle handlinger, for hvert filter og hver side', async () => {
    const ctx = createContext(openArchive(tempArchivePath()), 'test');
    ctx.now = () => new Date('2027-01-13T10:00:00');
    const services = createServices(ctx);
    const slice = await seedSlice(services);
    // Every status, deadlines before, on and after today, none, and equal deadlines that only the id tells apart.
    const dues = ['2027-01-05', '2027-01-13', '2027-02-01', null, '2026-11-30', '2027-01-05', null];
    const statuses = [
      { status: 'aaben' },
      { status: 'igang', note: 'I gang' },
      { status: 'forsinket', note: 'Forsinket' },
      { status: 'udfoert', note: 'Udført' },
      { status: 'droppet', note: '', dropReason: 'Ikke længere aktuelt' },
    ] as const;
    for (let n = 0; n < 35; n++) {
      const action = await must(services, 'actions.create', { itemId: slice.decisionItem.id, what: `Handling ${n}`, who: n % 3 === 0 ? 'Mette Lund' : 'Jonas Holm', due: dues[n % dues.length] ?? null });
      const change = statuses[n % statuses.length];
      if (change !== undefined && change.status !== 'aaben') await must(services, 'actions.update', { actionId: action.id, ...change });
    }
    // The order the list has always had: one sort of every action the filter finds.
    const reference = (where: string, params: Record<string, unknown>) =>
      (
        ctx.archive.db
          .prepare(
            `SELECT a.id FROM action a ${where}
              ORDER BY (a.status = 'forsinket' OR (a.status IN ('aaben', 'igang', 'forsinket') AND a.due < '2027-01-13')) DESC,
                       a.due IS NULL, a.due, a.created_at DESC, a.id`,
          )
          .all(params) as { id: string }[]
      ).map((r) => r.id);
    const cases = [
      { input: {}, where: '', params: {} },
      { input: { status: 'alle_aabne' }, where: "WHERE a.status IN ('aaben', 'igang', 'forsinket')", params: {} },
      ...statuses.map(({ status }) => ({ input: { status }, where: 'WHERE a.status = @status', params: { status } })),
      { input: { who: 'mette' }, where: "WHERE a.who LIKE '%mette%'", params: {} },
      { input: { dueBefore: '2027-01-14' }, where: "WHERE a.due < '2027-01-14'", params: {} },
      { input: { forumId: slice.forum.id, status: 'alle_aabne' }, where: "WHERE a.forum_id = @forumId AND a.status IN ('aaben', 'igang', 'forsinket')", params: { forumId: slice.forum.id } },
    ];
    for (const { input, where, params } of cases) {
      const expected = reference(where, params);
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      const pages: string[] = [];
      for (let offset = 0; offset < expected.length + 4; offset += 4) {
        const page = await must(services, 'actions.list', { ...input, limit: 4, offset });
        pages.push(...page.rows.map((r) => r.id));
        expect(page.more, JSON.stringify({ input, offset })).toBe(offset + 4 < expected.length);
      }
      expect(pages, JSON.stringify(input)).toEqual(expected);
    }
  });
});
