import { expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

/** Runs in the page; the tests are compiled without the DOM types. */
function scrollToEnd(element: unknown): void {
  const box = element as { scrollTo(options: { top: number }): void; scrollHeight: number };
  box.scrollTo({ top: box.scrollHeight });
}

test('beslutningsloggen viser et forums beslutninger efter farve i et diagram og afgrænser på farve', async ({ page, demoHarness }) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  const register = page.getByRole('region', { name: 'Beslutningslog', exact: true });
  const rows = register.getByRole('list', { name: 'Beslutninger' }).getByRole('listitem');
  const status = register.getByRole('status').last();

  // The demo's held meeting has five decisions, every colour and two gul; all forums to begin with, no chart.
  await expect(rows).toHaveCount(5);
  await expect(status).toHaveText('5 beslutninger, nyeste først.');
  // The demo sag's first step is among them, and leads to the sag.
  const vikar = rows.filter({ hasText: 'Vikardækning: erfaringer fra efteråret' });
  await expect(vikar.getByRole('button', { name: 'Sag: Vikardækning – vis sagens forløb' })).toBeVisible();
  await expect(register.getByRole('img')).toHaveCount(0);

  // Choosing the forum shows its chart: an image named by the summary sentence, a legend, and a table.
  await register.getByLabel('Forum', { exact: true }).selectOption({ label: 'TRIO · Bøgely Skole (demo)' });
  const chart = register.getByRole('img', { name: /^I skoleåret \d{4}\/\d{2}: 1 rød, 2 gule, 1 grøn, 1 blå beslutninger$/ });
  await expect(chart).toBeVisible();
  const chartRegion = register.getByRole('region', { name: 'Beslutninger i TRIO efter farve' });
  await expect(chartRegion.getByText(/^I skoleåret \d{4}\/\d{2}: 1 rød/)).toBeVisible();
  await expect(chartRegion.getByRole('listitem').filter({ hasText: /^GRGrøn/ })).toHaveCount(1);
  await expect(chartRegion.getByRole('listitem').filter({ hasText: 'Afklaring uden enighed' })).toHaveCount(1);
  await chartRegion.getByText('Vis tallene som tabel').click();
  const table = chartRegion.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').last()).toHaveText(/I alt\s*1\s*2\s*1\s*1\s*0\s*5/);
  await screenshot(page, 'arkiv-beslutningslog-diagram');
  await chartRegion.screenshot({ path: 'test-results/screens/arkiv-beslutningsdiagram.png' });
  await expectAccessible(page, 'Arkiv med beslutningslog og diagram');

  // The previous school year has no decisions; back again.
  const switcher = chartRegion.getByRole('group', { name: 'Vælg skoleår' });
  await switcher.getByRole('button', { name: /^Forrige skoleår/ }).click();
  await expect(register.getByRole('img', { name: /^I skoleåret \d{4}\/\d{2}: ingen beslutninger$/ })).toBeVisible();
  await switcher.getByRole('button', { name: /^Næste skoleår/ }).click();
  await expect(chart).toBeVisible();

  // The colour filter narrows the register; the chart stays the forum's whole year.
  await register.getByLabel('Farve', { exact: true }).selectOption({ label: 'Grøn (GR)' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Fælles forberedelsestid i teamene');
  await expect(rows.first()).toContainText('GR');
  await expect(status).toHaveText('1 beslutning.');
  await expect(chart).toBeVisible();

  // Free text with æøå, and text that is no query at all.
  await register.getByLabel('Farve', { exact: true }).selectOption({ label: 'Alle farver' });
  await register.getByLabel('Ord i beslutningen').fill('fraværst');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Trivsel og sygefravær i indskolingen');
  await register.getByLabel('Ord i beslutningen').fill('"-*() NEAR(');
  await expect(status).toHaveText('Skriv mindst ét ord at søge efter.');
  await expect(rows).toHaveCount(0);
  await register.getByLabel('Ord i beslutningen').fill('');
  await expect(rows).toHaveCount(5);
  await screenshot(page, 'arkiv-beslutningslog');

  // A row's date opens its meeting.
  await rows.first().getByRole('button', { name: /^Åbn mødet TRIO-møde/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TRIO-møde');
});

test('en lang beslutningslog tegner kun de synlige rækker og henter flere, mens man ruller', async ({ page, demoHarness }) => {
  test.setTimeout(120_000);
  const api = async (method: string, input: Record<string, unknown>) => {
    const response = await page.request.post(`${demoHarness.url}/api/${method}`, { data: input });
    const result = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    expect(result.ok, method).toBe(true);
    return result.value;
  };
  await page.goto(demoHarness.url);
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  // 24 meetings with 10 decisions each, a week apart: 240 decisions besides the demo's 5.
  for (let week = 0; week < 24; week++) {
    const date = new Date(Date.UTC(2025, 0, 7 + week * 7)).toISOString().slice(0, 10);
    const meeting = await api('meetings.create', { forumId: forum['id'], title: `Møde uge ${week + 1}`, startsAt: `${date}T14:00`, durationMinutes: 120 });
    for (let n = 1; n <= 10; n++) {
      const colour = (['roed', 'gul', 'groen', 'blaa'] as const)[n % 4];
      const item = await api('agenda.addItem', { meetingId: meeting['id'], title: `Punkt ${week + 1}.${n}`, type: 'beslutning', minutes: 5, announcedColour: colour });
      await api('decisions.record', { itemId: item['id'], colour, text: `Beslutning ${week + 1}.${n}` });
    }
  }

  await page.reload();
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  const register = page.getByRole('region', { name: 'Beslutningslog', exact: true });
  const viewport = register.getByRole('region', { name: 'Beslutninger' });
  const rows = viewport.getByRole('listitem');
  const status = register.getByRole('status').last();
  await expect(status).toHaveText('Viser 50 af 245 beslutninger, nyeste først. Flere hentes, når du ruller.');
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(25);
  await expect(rows.first()).toContainText('Skemalægning for foråret');

  // Scrolling to the end loads page after page until all 245 are there; still only a window is drawn.
  for (let i = 0; i < 10; i++) {
    await viewport.evaluate(scrollToEnd);
    if ((await status.textContent()) === '245 beslutninger, nyeste først.') break;
    await page.waitForTimeout(200);
  }
  await expect(status).toHaveText('245 beslutninger, nyeste først.');
  await viewport.evaluate(scrollToEnd);
  await expect(rows.last()).toContainText('Punkt 1.10');
  await expect(rows.last()).toHaveAttribute('aria-posinset', '245');
  expect(await rows.count()).toBeLessThan(25);
  await expectAccessible(page, 'Arkiv med en lang beslutningslog');
});
