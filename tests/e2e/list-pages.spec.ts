import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

function scrollToEnd(element: unknown): void {
  const box = element as { scrollTo(options: { top: number }): void; scrollHeight: number };
  box.scrollTo({ top: box.scrollHeight });
}

test('opfølgningen viser 50 handlinger ad gangen med antallet i alt, og «Vis flere» henter resten', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const api = apiOf(page, harness.url);
  await page.goto(harness.url);
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = await api('meetings.create', { forumId: forum['id'], title: 'TRIO-møde', startsAt: '2026-11-03T14:00', durationMinutes: 90 });
  const item = await api('agenda.addItem', { meetingId: meeting['id'], title: 'Trivsel', type: 'droeftelse', minutes: 20 });
  const ids: string[] = [];
  for (let n = 1; n <= 62; n++) {
    // Deadlines a day apart, so the list's order (by deadline) is known: Handling 1 first.
    const due = new Date(Date.UTC(2027, 0, n)).toISOString().slice(0, 10);
    const action = await api('actions.create', { itemId: item['id'], what: `Handling ${n}`, who: n % 2 === 0 ? 'Mette Lund' : 'TR', due });
    ids.push(String(action['id']));
  }

  await menu(page).getByRole('button', { name: 'Opfølgning' }).click();
  const panel = page.getByRole('region', { name: 'Handlinger' });
  const list = panel.getByRole('list', { name: 'Handlinger' });
  const status = panel.getByRole('status');
  await expect(status).toHaveText('Viser 50 af 62 handlinger.');
  // Only the rows in view are drawn, and each says its place in the whole list.
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toContainText('Handling 1');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '62');
  expect(await rows.count()).toBeLessThan(50);
  await screenshot(page, 'opfoelgning-sider');
  await expectAccessible(page, 'Opfølgning: første side');

  const more = panel.getByRole('button', { name: 'Vis flere handlinger' });
  await more.click();
  await expect(status).toHaveText('62 handlinger.');
  await expect(more).toHaveCount(0);
  // The list's scrolling box is its parent.
  await list.locator('xpath=..').evaluate(scrollToEnd);
  await expect(rows.last()).toContainText('Handling 62');
  await expect(rows.last()).toHaveAttribute('aria-posinset', '62');

  // Another window marks one done: the list and its count follow without a reload.
  await api('actions.markDone', { actionId: ids[61] });
  await expect(status).toHaveText('61 handlinger.');
  // A filter counts what it finds.
  await page.getByLabel('Hvem').fill('Mette');
  await expect(status).toHaveText('30 handlinger.');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle statusser' });
  await expect(status).toHaveText('31 handlinger.');
  await page.getByLabel('Hvem').fill('');
  await expect(status).toHaveText('Viser 50 af 62 handlinger.');
  await expectAccessible(page, 'Opfølgning: alle sider');
});
