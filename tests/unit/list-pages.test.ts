import { describe, expect, test } from 'vitest';
import { actionPageSql } from '../../electron/archive/queries/actions';
import { OVERVIEW_SQL } from '../../electron/archive/queries/meetings';
import { registerSql } from '../../electron/archive/queries/register';
import type { Archive } from '../../electron/archive/open';
import type { Services } from '../../electron/services/dispatch';
import type { Change } from '../../shared/api/changes';
import type { Method, MethodInput } from '../../shared/api/contract';
import { isAffected, readsOf, type ReadMethod } from '../../shared/api/reads';
import { must, seedSlice, servicesWithArchive } from './support';

/** SQLite's plan for a statement, one line per step. */
function planOf(archive: Archive, sql: string, params: Record<string, unknown>): string[] {
  return (archive.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
}

/** A forum with meetings, decided items and actions in several states, through the services. */
async function seedForum(services: Services, name: string, meetings: number) {
  const forum = await must(services, 'forums.create', { kind: 'trio', name, school: `${name}skolen` });
  const actions: string[] = [];
  for (let n = 0; n < meetings; n++) {
    const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: `Møde ${n + 1}`, startsAt: `2026-0${1 + (n % 9)}-1${n % 10}T14:00`, durationMinutes: 60 });
    for (const colour of ['roed', 'groen'] as const) {
      const item = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: `Punkt ${n + 1} ${colour}`, type: 'beslutning', minutes: 10, announcedColour: colour });
      await must(services, 'decisions.record', { itemId: item.id, colour, text: `Beslutning om ${colour} ${n + 1}` });
      const action = await must(services, 'actions.create', { itemId: item.id, what: `Handling ${n + 1} ${colour}`, who: colour === 'roed' ? 'Skolelederen' : 'TR', due: '2026-06-30' });
      actions.push(action.id);
    }
  }
  return { forum, actions };
}

async function changesOf<M extends Method>(services: Services, method: M, input: MethodInput<M>): Promise<readonly Change[]> {
  const changes: Change[] = [];
  const unsubscribe = services.subscribe((event) => {
    if (event.type === 'archive.changed') changes.push(...event.changes);
  });
  await must(services, method, input);
  unsubscribe();
  return changes;
}

describe('lange lister læses en side ad gangen', () => {
  test('Oversigtens møder og antallet, der venter på godkendelse, læses af et indeks, ikke af hele mødetabellen', () => {
    const { archive } = servicesWithArchive();
    const args: Record<keyof typeof OVERVIEW_SQL, unknown[]> = { upcoming: ['2026-12-07T00:00', 5], awaitingApproval: [5], awaitingApprovalCount: [] };
    for (const [name, sql] of Object.entries(OVERVIEW_SQL)) {
      const steps = archive.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args[name as keyof typeof OVERVIEW_SQL]) as { detail: string }[];
      const plan = steps.map((step) => step.detail).join('\n');
      expect(plan, name).toMatch(/^SEARCH m USING (COVERING )?INDEX meeting_status_starts \(status=\?/m);
      expect(plan, name).not.toMatch(/^SCAN m\b/m);
      expect(plan, name).not.toMatch(/TEMP B-TREE/);
    }
    // The count needs nothing but the index (and each meeting's newest referat version).
    expect(planOf(archive, OVERVIEW_SQL.awaitingApprovalCount, {}).join('\n')).toMatch(/SEARCH m USING COVERING INDEX meeting_status_starts/);
  });

  test('beslutningsloggens første side læser møderne nyeste først gennem et indeks og sorterer intet', () => {
    const { archive } = servicesWithArchive();
    for (const filter of [{ includeConfidential: false }, { includeConfidential: false, forumId: 'f' }, { includeConfidential: true, colour: 'roed' as const }]) {
      const plan = planOf(archive, registerSql({ ...filter, limit: 51, offset: 0 }), { forumId: 'f', colour: 'roed', limit: 51, offset: 0 });
      expect(plan.join('\n'), JSON.stringify(filter)).toMatch(/^SCAN m USING (COVERING )?INDEX meeting_(forum_)?starts|^SEARCH m USING (COVERING )?INDEX meeting_forum_starts/m);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(plan.some((step) => /^SCAN (i|d)\b/.test(step))).toBe(false);
    }
  });

  test('beslutningsloggen søgt på tekst med mange fund går møderne nyeste først ned til sidens sidste dato, uden sortering', () => {
    const { archive } = servicesWithArchive();
    for (const filter of [{ includeConfidential: false }, { includeConfidential: false, forumId: 'f' }]) {
      const sql = registerSql({ ...filter, match: '"tilsyn"*', limit: 51, offset: 0 }, 'probe');
      const plan = planOf(archive, sql, { forumId: 'f', match: '"tilsyn"*', boundary: '2026-01-01', limit: 51, offset: 0 }).join('\n');
      expect(plan, JSON.stringify(filter)).toMatch(/^SEARCH m USING (COVERING )?INDEX meeting_(forum_)?starts \((forum_id=\? AND )?starts_at>\?\)/m);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toMatch(/SEARCH sd USING COVERING INDEX sqlite_autoindex_search_doc_1 \(kind=\? AND ref_id=\?\)/);
    }
  });

  test('opfølgningens første side læses i listens orden fra et indeks, ikke fra en sortering af alle handlinger', () => {
    const { archive } = servicesWithArchive();
    const filters = [{}, { status: 'alle_aabne' }, { status: 'udfoert' }, { status: 'aaben' }, { status: 'forsinket' }, { who: 'Mette' }, { dueBefore: '2026-01-01' }] as const;
    for (const filter of filters) {
      const { sql, params } = actionPageSql({ ...filter, offset: 0, limit: 50 }, '2026-12-06');
      const plan = planOf(archive, sql, params);
      const reads = plan.filter((step) => /^(SCAN|SEARCH) a\b/.test(step) && !step.includes('sqlite_autoindex_action_1'));
      expect(reads.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const read of reads) expect(read, JSON.stringify(filter)).toMatch(/USING (COVERING )?INDEX action_(open_list|list|status_list)\b/);
      // The only full sort is the cut of the page from the parts' few rows; no part sorts what it reads.
      expect(plan.filter((step) => step === 'USE TEMP B-TREE FOR ORDER BY'), JSON.stringify(filter)).toHaveLength(1);
    }
    // One forum's actions come from its own index.
    const forum = actionPageSql({ forumId: 'f', status: 'alle_aabne', offset: 0, limit: 50 }, '2026-12-06');
    expect(planOf(archive, forum.sql, forum.params).join('\n')).toMatch(/SEARCH a USING INDEX action_forum_status \(forum_id=\? AND status=\?\)/);
  });

  test('tællingen passer med siderne: 50 af alle, og afgrænsningen tæller det samme som listen viser', async () => {
    const { services } = servicesWithArchive();
    const { forum } = await seedForum(services, 'Eg', 30);
    await seedForum(services, 'Bøg', 3);
    // The register: 66 decisions in all, 60 in the one forum, 33 red.
    expect(await must(services, 'decisions.count', {})).toBe(66);
    expect(await must(services, 'decisions.count', { forumId: forum.id })).toBe(60);
    expect(await must(services, 'decisions.count', { colour: 'roed' })).toBe(33);
    expect(await must(services, 'decisions.count', { text: 'rød' })).toBe(0);
    expect(await must(services, 'decisions.count', { text: '"-*' })).toBe(0);
    const first = await must(services, 'decisions.list', { forumId: forum.id, limit: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.more).toBe(true);
    const second = await must(services, 'decisions.list', { forumId: forum.id, limit: 50, offset: 50 });
    expect(second.rows).toHaveLength(10);
    expect(second.more).toBe(false);
    expect(new Set([...first.rows, ...second.rows].map((d) => d.id)).size).toBe(60);

    // The follow-up list: 66 actions, all open; done ones leave the open count.
    expect(await must(services, 'actions.count', { status: 'alle_aabne' })).toBe(66);
    expect(await must(services, 'actions.count', { status: 'alle_aabne', forumId: forum.id, who: 'skoleleder' })).toBe(30);
    const page = await must(services, 'actions.list', { status: 'alle_aabne', limit: 50 });
    expect(page.rows).toHaveLength(50);
    expect(page.more).toBe(true);
    await must(services, 'actions.markDone', { actionId: page.rows[0]?.id });
    expect(await must(services, 'actions.count', { status: 'alle_aabne' })).toBe(65);
    expect(await must(services, 'actions.count', { status: 'udfoert' })).toBe(1);
    expect(await must(services, 'actions.count', {})).toBe(66);
  });

  test('en handling skrevet i ét forum genhenter ikke et andet forums beslutningslog eller handlinger', async () => {
    const { services } = servicesWithArchive();
    const eg = await seedForum(services, 'Eg', 2);
    const bog = await seedForum(services, 'Bøg', 2);
    const { decisionItem } = await seedSlice(services);

    const held: { name: string; method: ReadMethod; input: object }[] = [
      { name: 'bøg-log', method: 'decisions.list', input: { forumId: bog.forum.id, limit: 50 } },
      { name: 'bøg-log-tal', method: 'decisions.count', input: { forumId: bog.forum.id } },
      { name: 'bøg-diagram', method: 'decisions.chart', input: { forumId: bog.forum.id, schoolYearStart: 2025 } },
      { name: 'bøg-handlinger', method: 'actions.list', input: { forumId: bog.forum.id, status: 'alle_aabne', limit: 50 } },
      { name: 'bøg-handlinger-tal', method: 'actions.count', input: { forumId: bog.forum.id, status: 'alle_aabne' } },
      { name: 'eg-handlinger', method: 'actions.list', input: { forumId: eg.forum.id, status: 'alle_aabne', limit: 50 } },
      { name: 'eg-handlinger-tal', method: 'actions.count', input: { forumId: eg.forum.id, status: 'alle_aabne' } },
      { name: 'alle-handlinger', method: 'actions.list', input: { status: 'alle_aabne', limit: 50 } },
    ];
    const affected = (changes: readonly Change[]) =>
      held
        .filter((q) => isAffected(readsOf(q.method, q.input as never), changes))
        .map((q) => q.name)
        .sort();

    // A status update and a split of Eg's action: Eg's and the all-forum lists, never Bøg's.
    const actionId = eg.actions[0] ?? '';
    expect(affected(await changesOf(services, 'actions.update', { actionId, status: 'igang', note: 'Vi er i gang' }))).toEqual(['alle-handlinger', 'eg-handlinger', 'eg-handlinger-tal']);
    const split = await changesOf(services, 'actions.split', { actionId, parts: [{ what: 'Del 1', who: 'TR', due: null }, { what: 'Del 2', who: 'AMR', due: null }] });
    expect(affected(split)).toEqual(['alle-handlinger', 'eg-handlinger', 'eg-handlinger-tal']);
    // A new action in a third forum's meeting.
    expect(affected(await changesOf(services, 'actions.create', { itemId: decisionItem.id, what: 'Ny handling', who: 'TR' }))).toEqual(['alle-handlinger']);
  });
});
