import { describe, expect, it } from 'vitest';
import { CADENCES, CADENCE_LABELS, maxGapDays, type Cadence } from '../../shared/domain/cadence';
import { buildYearPlan, schoolYearOf, type YearPlanInput } from '../../shared/domain/yearPlan';

type Meeting = YearPlanInput['meetings'][number];

const held = (id: string, startsAt: string): Meeting => ({ id, title: `TRIO ${id}`, startsAt, status: 'afholdt' });
const planned = (id: string, startsAt: string): Meeting => ({ id, title: `TRIO ${id}`, startsAt, status: 'planlagt' });

const THEMES: YearPlanInput['themes'] = [
  { id: 'apv', month: 9, title: 'APV' },
  { id: 'budget', month: 10, title: 'Budget' },
  { id: 'fag', month: 3, title: 'Fagfordeling' },
  { id: 'fag2', month: 3, title: 'Opgaveoversigter' },
  { id: 'sommer', month: 7, title: 'Ferieplan' },
];

/** A monthly TRIO that met in August and September, skipped October, and met again in November. */
function trio(today: string, cadence: Cadence = 'maanedlig', meetings?: Meeting[]) {
  return buildYearPlan({
    schoolYearStart: 2026,
    cadence,
    today,
    themes: THEMES,
    meetings: meetings ?? [
      held('a', '2026-08-20T14:00'),
      held('b', '2026-09-03T14:00'),
      held('c', '2026-11-04T14:00'),
      planned('d', '2026-12-02T14:00'),
    ],
  });
}

const month = (plan: ReturnType<typeof buildYearPlan>, key: string) => {
  const found = plan.months.find((m) => m.key === key);
  if (!found) throw new Error(`måned ${key} mangler`);
  return found;
};

describe('schoolYearOf', () => {
  it.each([
    ['2027-03-10', 2026],
    ['2026-08-01', 2026],
    ['2026-12-31', 2026],
    ['2027-01-01', 2026],
    ['2027-06-30', 2026],
    ['2026-06-30', 2025],
    ['2026-07-01', 2026],
    ['2026-07-31', 2026],
    ['2027-07-15T10:00', 2027],
  ])('%s hører til skoleåret der starter i %i', (date, year) => {
    expect(schoolYearOf(date)).toBe(year);
  });

  it('afviser noget der ikke er en dato', () => {
    expect(() => schoolYearOf('3. marts')).toThrow(/Ugyldig dato/);
  });
});

describe('kadence', () => {
  it('har en dansk betegnelse og en grænse for hver kadence; kun efter behov har ingen grænse', () => {
    for (const c of CADENCES) {
      expect(CADENCE_LABELS[c]).toMatch(/^[A-ZÆØÅ]/);
      if (c === 'efter_behov') expect(maxGapDays(c)).toBeNull();
      else expect(maxGapDays(c)).toBeGreaterThan(0);
    }
    expect(maxGapDays('maanedlig')).toBe(45);
  });
});

describe('buildYearPlan', () => {
  it('viser 11 måneder fra august til juni og udelader juli', () => {
    const plan = trio('2026-11-10');
    expect(plan.label).toBe('Skoleåret 2026/27');
    expect(plan.years).toBe('2026/27');
    expect(plan.months.map((m) => m.key)).toEqual([
      '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
      '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
    ]);
    expect(plan.months.map((m) => m.label)).toEqual([
      'august', 'september', 'oktober', 'november', 'december',
      'januar', 'februar', 'marts', 'april', 'maj', 'juni',
    ]);
    expect(plan.months.some((m) => m.month === 7)).toBe(false);
    expect(month(plan, '2027-02').daysInMonth).toBe(28);
  });

  it('lægger møderne i deres måned med dag i måneden, sorteret', () => {
    const plan = trio('2026-11-10', 'maanedlig', [
      held('late', '2026-09-24T08:00'),
      held('early', '2026-09-03T14:00'),
      planned('next', '2026-12-02T14:00'),
    ]);
    expect(month(plan, '2026-09').meetings.map((m) => [m.id, m.day, m.date])).toEqual([
      ['early', 3, '2026-09-03'],
      ['late', 24, '2026-09-24'],
    ]);
    expect(month(plan, '2026-12').meetings[0]?.status).toBe('planlagt');
  });

  it('lægger faste temaer i de rigtige måneder, og et tema i juli kommer ikke med', () => {
    const plan = trio('2026-11-10');
    expect(month(plan, '2026-09').themes).toEqual([{ id: 'apv', title: 'APV' }]);
    expect(month(plan, '2026-10').themes.map((t) => t.title)).toEqual(['Budget']);
    expect(month(plan, '2027-03').themes.map((t) => t.title)).toEqual(['Fagfordeling', 'Opgaveoversigter']);
    expect(plan.months.flatMap((m) => m.themes).map((t) => t.id)).not.toContain('sommer');
  });

  it('markerer den aktuelle måned og de forløbne måneder', () => {
    const plan = trio('2026-11-10');
    expect(plan.months.filter((m) => m.current).map((m) => m.key)).toEqual(['2026-11']);
    expect(plan.months.filter((m) => m.past).map((m) => m.key)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('ignorerer møder i sommerferien og uden for skoleåret', () => {
    const plan = trio('2027-06-20', 'maanedlig', [
      held('jul-before', '2026-07-20T10:00'),
      held('sep', '2026-09-03T14:00'),
      held('jul-after', '2027-07-02T10:00'),
    ]);
    expect(plan.months.flatMap((m) => m.meetings).map((m) => m.id)).toEqual(['sep']);
  });
});

describe('advarsler om kadencen', () => {
  it('advarer om hullet fra september til november hos en månedlig TRIO', () => {
    const plan = trio('2026-11-10');
    expect(plan.warnings).toEqual([
      {
        from: '2026-09-03',
        to: '2026-11-04',
        gapDays: 62,
        message:
          'Der er gået 62 dage uden møde (fra 3. september til 4. november). Forummet mødes normalt hver måned.',
      },
    ]);
  });

  it('advarer om et planlagt hul, før det er sket, i fremtid', () => {
    const plan = trio('2026-10-01');
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]?.message).toBe(
      'Med den nuværende plan går der 62 dage uden møde (fra 3. september til 4. november). Forummet mødes normalt hver måned.',
    );
  });

  it('advarer når der er gået for længe siden sidste møde, men kun frem til i dag', () => {
    const plan = trio('2026-12-01', 'maanedlig', [held('a', '2026-08-20T14:00'), held('b', '2026-09-03T14:00')]);
    expect(plan.warnings).toEqual([
      {
        from: '2026-09-03',
        to: '2026-12-01',
        gapDays: 89,
        message:
          'Der er gået 89 dage uden møde (fra 3. september til i dag den 1. december). Forummet mødes normalt hver måned.',
      },
    ]);
  });

  it('advarer når der ikke har været noget møde siden skolestart', () => {
    const plan = trio('2026-10-15', 'maanedlig', []);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatchObject({ from: '2026-08-10', to: '2026-10-15', gapDays: 66 });
    expect(plan.warnings[0]?.message).toContain('fra skolestart 10. august til i dag den 15. oktober');
  });

  it('advarer om et langt hul fra skolestart til første møde', () => {
    const plan = trio('2026-11-10', 'maanedlig', [held('c', '2026-11-04T14:00')]);
    expect(plan.warnings.map((w) => [w.from, w.to, w.gapDays])).toEqual([['2026-08-10', '2026-11-04', 86]]);
  });

  it('regner hullet fra den dag, forummet kom i arkivet, når det var efter skolestart', () => {
    const since = (today: string, meetings: Meeting[], createdOn: string) =>
      buildYearPlan({ schoolYearStart: 2026, cadence: 'maanedlig', today, themes: [], meetings, since: createdOn });
    // Created in November with the last meeting typed in afterwards: nothing is known of August–October.
    expect(since('2026-12-06', [held('c', '2026-11-17T14:00'), planned('d', '2026-12-15T14:00')], '2026-12-06').warnings).toEqual([]);
    // Created in September and never used: the gap counts from then, and says so.
    const unused = since('2026-12-01', [], '2026-09-15');
    expect(unused.warnings.map((w) => [w.from, w.to, w.gapDays])).toEqual([['2026-09-15', '2026-12-01', 77]]);
    expect(unused.warnings[0]?.message).toContain('fra forummet blev oprettet 15. september til i dag den 1. december');
    // Created before school start: school start counts, as before.
    expect(since('2026-11-10', [held('c', '2026-11-04T14:00')], '2026-06-01').warnings.map((w) => w.from)).toEqual(['2026-08-10']);
  });

  it('advarer ikke før skolestart, heller ikke hvis intet er planlagt', () => {
    expect(trio('2026-08-05', 'maanedlig', []).warnings).toEqual([]);
    expect(trio('2026-06-20', 'ugentlig', []).warnings).toEqual([]);
  });

  it('regner et afsluttet skoleår frem til 30. juni, ikke til i dag', () => {
    const plan = trio('2027-09-01', 'maanedlig', [held('a', '2027-04-06T14:00')]);
    const last = plan.warnings[plan.warnings.length - 1];
    expect(last).toMatchObject({ from: '2027-04-06', to: '2027-06-30', gapDays: 85 });
    expect(last?.message).toContain('til skoleårets afslutning 30. juni');
  });

  it('giver ingen advarsler for et forum der mødes efter behov', () => {
    const plan = trio('2027-06-20', 'efter_behov', [held('a', '2026-08-20T14:00'), held('b', '2027-05-03T14:00')]);
    expect(plan.warnings).toEqual([]);
    expect(plan.months.flatMap((m) => m.suggested)).toEqual([]);
  });

  it('tæller to møder samme dag som ét og giver kvartalsvise fora mere luft', () => {
    const plan = trio('2027-06-20', 'kvartalsvis', [
      held('a', '2026-09-01T09:00'),
      held('b', '2026-09-01T14:00'),
      held('c', '2026-12-01T14:00'),
      held('d', '2027-03-02T14:00'),
      held('e', '2027-06-01T14:00'),
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('forslag til datoer', () => {
  it('foreslår første tirsdag i tomme måneder, men ikke i forløbne', () => {
    const plan = trio('2026-11-10');
    expect(month(plan, '2026-10').suggested).toEqual([]);
    expect(month(plan, '2026-11').suggested).toEqual([]);
    expect(month(plan, '2027-01').suggested).toEqual(['2027-01-05']);
    expect(month(plan, '2027-02').suggested).toEqual(['2027-02-02']);
    expect(month(plan, '2027-06').suggested).toEqual(['2027-06-01']);
  });

  it('foreslår oktober så længe oktober ikke er gået, og aldrig en dato før i dag', () => {
    expect(month(trio('2026-10-01'), '2026-10').suggested).toEqual(['2026-10-06']);
    expect(month(trio('2026-10-14'), '2026-10').suggested).toEqual(['2026-10-20']);
    expect(month(trio('2026-10-28'), '2026-10').suggested).toEqual([]);
    for (const today of ['2026-10-01', '2026-10-14', '2027-02-15']) {
      for (const date of trio(today).months.flatMap((m) => m.suggested)) expect(date >= today).toBe(true);
    }
  });

  it('foreslår ikke datoer i sommerferien før skolestart', () => {
    expect(month(trio('2026-06-20', 'maanedlig', []), '2026-08').suggested).toEqual(['2026-08-11']);
  });

  it('foreslår kun i de måneder kadencen forventer et møde', () => {
    const monthsWith = (cadence: Cadence) =>
      trio('2026-07-01', cadence, [])
        .months.filter((m) => m.suggested.length > 0)
        .map((m) => m.month);
    expect(monthsWith('maanedlig')).toEqual([8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]);
    expect(monthsWith('hver_anden_maaned')).toEqual([9, 11, 1, 3, 5]);
    expect(monthsWith('kvartalsvis')).toEqual([9, 12, 3, 6]);
    expect(monthsWith('halvaarlig')).toEqual([9, 2]);
    expect(monthsWith('aarlig')).toEqual([10]);
    expect(monthsWith('efter_behov')).toEqual([]);
  });

  it('foreslår hver tirsdag for et ugentligt forum og hver anden for et der mødes hver anden uge', () => {
    expect(month(trio('2026-07-01', 'ugentlig', []), '2026-09').suggested).toEqual([
      '2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29',
    ]);
    expect(month(trio('2026-07-01', 'hver_anden_uge', []), '2026-09').suggested).toEqual([
      '2026-09-01', '2026-09-15', '2026-09-29',
    ]);
  });
});
