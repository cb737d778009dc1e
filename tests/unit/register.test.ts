import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createServices, type Services } from '../../electron/services/dispatch';
import type { DecisionPage } from '../../shared/api/methods/register';
import { must, servicesOn, tempArchivePath } from './support';

/** The demo's dates follow "today"; a fixed today makes its held meeting Tuesday 3 November 2026. */
const TODAY = new Date('2026-11-22T12:00:00Z');

describe('beslutningslog og farvediagram', () => {
  let services: Services;
  let demoForum: string;
  let otherForum: string;

  async function meetingWith(forumId: string, startsAt: string, decisions: { title: string; colour: string; text: string; outcome?: string }[]) {
    const meeting = await must(services, 'meetings.create', { forumId, title: `Møde ${startsAt.slice(0, 10)}`, startsAt, durationMinutes: 60 });
    for (const d of decisions) {
      const item = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: d.title, type: 'beslutning', minutes: 10, announcedColour: d.colour });
      await must(services, 'decisions.record', { itemId: item.id, colour: d.colour, text: d.text, outcome: d.outcome ?? 'beslutning' });
    }
    return meeting;
  }

  const list = (input: Record<string, unknown>): Promise<DecisionPage> => must(services, 'decisions.list', input);

  beforeAll(async () => {
    services = createServices({ archive: openArchive(tempArchivePath()), appVersion: 'test', now: () => TODAY, newId: () => randomUUID(), notices: [] });
    demoForum = (await must(services, 'demo.install', {})).forumId;
    // The demo holds five decisions (rød, two gul, grøn, blå) on 3 November 2026.
    await meetingWith(demoForum, '2026-09-15T14:00', [
      { title: 'Fælles ærø-tur for lærerne', colour: 'groen', text: 'Turen går til Ærø i uge 38, og Åbyskolen låner bussen.' },
      { title: 'Lejrskole i 7. klasse', colour: 'groen', text: 'Lejrskolen bliver i Danmark.' },
    ]);
    await meetingWith(demoForum, '2027-03-09T14:00', [
      { title: 'Budget for næste år', colour: 'roed', text: 'Budgettet fordeles som forvaltningen har udmeldt.' },
      { title: 'Pauser i udskolingen', colour: 'gul', text: 'Ingen enighed om pauserne; sagen tages op igen.', outcome: 'afklaring_uden_enighed' },
    ]);
    // July is the summer holiday; the summer before belongs to the school year before.
    await meetingWith(demoForum, '2027-07-06T10:00', [{ title: 'Sommermøde', colour: 'blaa', text: 'Intet besluttet.' }]);
    await meetingWith(demoForum, '2026-06-16T14:00', [{ title: 'Skoleårets afslutning', colour: 'roed', text: 'Afslutningen holdes i hallen.' }]);
    const other = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
    otherForum = other.id;
    await meetingWith(otherForum, '2026-10-06T14:00', [{ title: 'Tilsyn i Egeskolen', colour: 'gul', text: 'Tilsynet følger den gamle plan.' }]);
  });

  afterAll(() => services.close());

  it('viser alle beslutninger nyeste først, med møde og forum', async () => {
    const { rows, more } = await list({});
    expect(more).toBe(false);
    expect(rows).toHaveLength(5 + 2 + 2 + 1 + 1 + 1);
    const dates = rows.map((r) => r.meetingStartsAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows[0]).toMatchObject({ itemTitle: 'Sommermøde', forumId: demoForum, colour: 'blaa' });
    expect(rows[0]?.colourDefinition).toMatchObject({ key: 'blaa', code: 'BL', shape: 'firkant' });
  });

  it('afgrænser på forum, farve og periode (begge dage med)', async () => {
    expect((await list({ forumId: otherForum })).rows.map((r) => r.itemTitle)).toEqual(['Tilsyn i Egeskolen']);
    const green = await list({ forumId: demoForum, colour: 'groen' });
    expect(green.rows.map((r) => r.itemTitle).sort()).toEqual(['Fælles forberedelsestid i teamene', 'Fælles ærø-tur for lærerne', 'Lejrskole i 7. klasse']);
    const period = await list({ from: '2026-09-15', to: '2027-03-09' });
    expect(period.rows.map((r) => r.meetingStartsAt.slice(0, 10))).toEqual([
      '2027-03-09', '2027-03-09', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-03', '2026-10-06', '2026-09-15', '2026-09-15',
    ]);
    const yellowInPeriod = await list({ colour: 'gul', from: '2026-10-01', to: '2026-10-31' });
    expect(yellowInPeriod.rows.map((r) => r.itemTitle)).toEqual(['Tilsyn i Egeskolen']);
    expect((await list({ forumId: otherForum, colour: 'roed' })).rows).toEqual([]);
  });

  it('henter siderne uden overlap, og more siger om der er flere', async () => {
    const all = (await list({})).rows.map((r) => r.id);
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const page = await list({ limit: 3, offset });
      seen.push(...page.rows.map((r) => r.id));
      offset += page.rows.length;
      if (!page.more) break;
      expect(page.rows).toHaveLength(3);
    }
    expect(seen).toEqual(all);
    const last = await list({ limit: all.length });
    expect(last.more).toBe(false);
    expect((await list({ limit: all.length - 1 })).more).toBe(true);
    expect((await list({ offset: all.length })).rows).toEqual([]);
  });

  it('finder ord med æ, ø og å og præfikser i beslutningens tekst og titel', async () => {
    expect((await list({ text: 'ærø' })).rows.map((r) => r.itemTitle)).toEqual(['Fælles ærø-tur for lærerne']);
    expect((await list({ text: 'åbysk' })).rows.map((r) => r.itemTitle)).toEqual(['Fælles ærø-tur for lærerne']);
    expect((await list({ text: 'forberedelse' })).rows.map((r) => r.itemTitle)).toEqual(['Fælles forberedelsestid i teamene']);
    // Combined with the other filters.
    expect((await list({ text: 'tilsyn', forumId: demoForum })).rows.map((r) => r.itemTitle)).toEqual(['Ny model for tilsyn i frikvartererne']);
    expect((await list({ text: 'tilsyn', colour: 'gul' })).rows).toHaveLength(2);
    expect((await list({ text: 'tilsyn', colour: 'roed' })).rows).toEqual([]);
    // Blank text is no filter.
    expect((await list({ text: '   ' })).rows).toHaveLength((await list({})).rows.length);
  });

  it('tåler fjendtlig tekst: aldrig FTS5-syntaks, aldrig en fejl', async () => {
    expect(await list({ text: '"-*() NEAR(' })).toEqual({ rows: [], more: false, message: 'Skriv mindst ét ord at søge efter.' });
    expect((await list({ text: 'tilsyn" AND (' })).rows.length).toBeGreaterThan(0);
    for (const text of ["'; DROP TABLE decision; --", 'NOT', 'a OR b', '*', 'x:y', '^tilsyn', '🙂 ærø']) {
      const result = await services.call('decisions.list', { text });
      expect(result.ok, text).toBe(true);
    }
    expect((await list({})).rows.length).toBe(12);
  });

  it('afviser forkerte afgrænsninger med en dansk besked', async () => {
    const tooMany = await services.call('decisions.list', { limit: 201 });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.error.message).toBe('Antallet af beslutninger må højst være 200.');
    const backwards = await services.call('decisions.list', { from: '2027-01-01', to: '2026-01-01' });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.message).toBe('Til-datoen må ikke ligge før fra-datoen.');
    const missing = await services.call('decisions.list', { forumId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok).toBe(false);
  });

  it('tæller forummets beslutninger pr. måned og farve gennem skoleåret', async () => {
    const chart = await must(services, 'decisions.chart', { forumId: demoForum, schoolYearStart: 2026 });
    expect(chart.years).toBe('2026/27');
    expect(chart.months.map((m) => m.key)).toEqual([
      '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
    ]);
    const month = (key: string) => chart.months.find((m) => m.key === key);
    expect(month('2026-09')).toMatchObject({ counts: { roed: 0, gul: 0, groen: 2, blaa: 0 }, unresolved: 0, total: 2 });
    expect(month('2026-11')).toMatchObject({ counts: { roed: 1, gul: 2, groen: 1, blaa: 1 }, unresolved: 0, total: 5 });
    // 'Afklaring uden enighed' is counted on its own, not as the colour it was recorded with.
    expect(month('2027-03')).toMatchObject({ counts: { roed: 1, gul: 0, groen: 0, blaa: 0 }, unresolved: 1, total: 2 });
    expect(month('2026-10')?.total).toBe(0); // the other forum's October decision is not this forum's
    expect(chart.totals).toEqual({ counts: { roed: 2, gul: 2, groen: 3, blaa: 1 }, unresolved: 1, total: 9 });
    expect(chart.colours.map((c) => c.code)).toEqual(['RØ', 'GU', 'GR', 'BL']);

    const before = await must(services, 'decisions.chart', { forumId: demoForum, schoolYearStart: 2025 });
    expect(before.totals.total).toBe(1);
    expect(before.months.find((m) => m.key === '2026-06')?.counts.roed).toBe(1);
    const empty = await must(services, 'decisions.chart', { forumId: otherForum, schoolYearStart: 2030 });
    expect(empty.totals.total).toBe(0);
  });
});

describe('beslutningsloggen og lukkede punkter', () => {
  it('viser beslutninger fra lukkede punkter kun, når man har valgt det', async () => {
    const services = servicesOn();
    await must(services, 'demo.install', {});
    const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt')!;
    const detail = await must(services, 'meetings.get', { meetingId: held.id });
    const secret = detail.items.find((i) => i.confidential)!;
    // The held demo meeting's referat is not approved, so the closed item can still get a decision.
    await must(services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: 'Medarbejderen vender tilbage på nedsat tid.' });
    const hidden = await must(services, 'decisions.list', {});
    expect(hidden.rows.map((d) => d.text)).not.toContain('Medarbejderen vender tilbage på nedsat tid.');
    expect((await must(services, 'decisions.list', { text: 'nedsat' })).rows).toEqual([]);
    const shown = await must(services, 'decisions.list', { includeConfidential: true });
    expect(shown.rows.map((d) => d.text)).toContain('Medarbejderen vender tilbage på nedsat tid.');
  });
});

describe('beslutningslogen søgt på tekst', () => {
  it('giver de samme sider, når mange beslutninger matcher, som når alle matchende hentes på én gang', async () => {
    const services = servicesOn();
    const forums = [
      (await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' })).id,
      (await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Bøgeskolen' })).id,
    ];
    const colours = ['roed', 'gul', 'groen', 'blaa'] as const;
    // Meetings on shared dates and times (ties the order breaks by meeting and position), closed items, and
    // decisions that do not match between those that do.
    for (let n = 0; n < 14; n++) {
      const forumId = forums[n % 2] ?? '';
      const startsAt = `2026-${String(1 + Math.floor(n / 3)).padStart(2, '0')}-10T14:00`;
      const meeting = await must(services, 'meetings.create', { forumId, title: `Møde ${n}`, startsAt, durationMinutes: 60 });
      for (let k = 0; k < 3; k++) {
        const colour = colours[(n + k) % colours.length] ?? 'gul';
        const item = await must(services, 'agenda.addItem', {
          meetingId: meeting.id, title: `Punkt ${n}.${k}`, type: 'beslutning', minutes: 10, announcedColour: colour, confidential: (n + k) % 5 === 0,
        });
        const text = k === 1 && n % 3 === 0 ? 'Frikvartererne bliver som før.' : `Tilsynet i frikvartererne ændres (${n}.${k}).`;
        await must(services, 'decisions.record', { itemId: item.id, colour, text });
      }
    }
    const filters = [
      { text: 'tilsyn' },
      { text: 'tilsyn', includeConfidential: true },
      { text: 'tilsyn', forumId: forums[0] },
      { text: 'tilsyn', colour: 'gul' },
      { text: 'tilsyn', from: '2026-02-01', to: '2026-04-10' },
      { text: 'frikvarter' },
    ];
    for (const filter of filters) {
      const all = (await must(services, 'decisions.list', { ...filter, limit: 200 })).rows.map((r) => r.id);
      expect(all.length, JSON.stringify(filter)).toBeGreaterThan(4);
      // The count asks the FTS index for every match, so it checks the page's way of finding them.
      expect(await must(services, 'decisions.count', filter), JSON.stringify(filter)).toBe(all.length);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + 3; offset += 3) {
        const page = await must(services, 'decisions.list', { ...filter, limit: 3, offset });
        paged.push(...page.rows.map((r) => r.id));
        expect(page.more, JSON.stringify({ filter, offset })).toBe(offset + 3 < all.length);
      }
      expect(paged, JSON.stringify(filter)).toEqual(all);
    }
    services.close();
  });
});
