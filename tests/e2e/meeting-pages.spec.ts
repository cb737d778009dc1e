import type { Page } from '@playwright/test';
import { addDays, format, subDays } from 'date-fns';
import { type Api, apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

const at = (date: Date) => `${format(date, 'yyyy-MM-dd')}T14:00`;

/**
 * 55 meetings in one forum (the last 50 a week apart into the past, five to come) and three in
 * another; seven of the held ones await approval of their referat.
 */
async function archiveOfManyMeetings(api: Api): Promise<void> {
  const trio = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const council = await api('forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Egeskolen' });
  for (let week = -5; week < 50; week += 1) {
    const startsAt = at(subDays(new Date(), 7 * week + 7));
    const meeting = await api('meetings.create', { forumId: trio['id'], title: `TRIO uge ${week + 6}`, startsAt, durationMinutes: 60 });
    if (week >= 0 && week < 7) {
      await api('run.start', { meetingId: meeting['id'] });
      await api('run.end', { meetingId: meeting['id'] });
    }
  }
  for (let month = 1; month <= 3; month += 1) {
    await api('meetings.create', { forumId: council['id'], title: `Udviklingsråd ${month}`, startsAt: at(addDays(new Date(), 30 * month)), durationMinutes: 90 });
  }
}

const rows = (page: Page) => page.getByRole('main').getByRole('listitem');
const pager = (page: Page) => page.getByRole('navigation', { name: 'Sider i mødelisten' });

test('mødelisten viser møderne en side ad gangen, nyeste først, pr. forum, og følger med, når der kommer et møde til', async ({ page, harness }) => {
  const api = apiOf(page, harness.url);
  await archiveOfManyMeetings(api);
  await page.goto(harness.url);

  // The Oversigt shows the next few and the referater that have waited longest, with how many there are.
  const drafts = page.getByRole('region', { name: 'Referater der venter på godkendelse' });
  await expect(drafts.getByRole('listitem')).toHaveCount(5);
  await expect(drafts).toContainText('De 5 der har ventet længst af 7.');
  await expect(page.getByRole('region', { name: 'Kommende møder' }).getByRole('listitem')).toHaveCount(5);
  await drafts.getByRole('button', { name: 'Se alle referater der venter' }).click();
  await expect(page.getByRole('checkbox', { name: 'Kun referater der venter på godkendelse' })).toBeChecked();
  await expect(rows(page)).toHaveCount(7);
  await expect(pager(page)).toHaveCount(0);

  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await expect(pager(page)).toContainText('Møde 1–50 af 58');
  await expect(rows(page)).toHaveCount(50);
  // Newest first: the council's meeting three months ahead leads.
  await expect(rows(page).first()).toContainText('Udviklingsråd 3');
  await expect(pager(page).getByRole('button', { name: /Forrige side/ })).toBeDisabled();
  await expectAccessible(page, 'Møder, første side');
  await screenshot(page, 'moeder-side-1');

  await pager(page).getByRole('button', { name: /Næste side/ }).click();
  await expect(pager(page)).toContainText('Møde 51–58 af 58');
  await expect(rows(page)).toHaveCount(8);
  await expect(rows(page).last()).toContainText('TRIO uge 55');
  await expect(pager(page).getByRole('button', { name: /Næste side/ })).toBeDisabled();
  await expectAccessible(page, 'Møder, sidste side');

  // A meeting planned elsewhere (another window, the command line) shows up without a reload.
  const forums = (await (await page.request.post(`${harness.url}/api/forums.list`, { data: {} })).json()) as { value: { id: string; name: string }[] };
  const council = forums.value.find((f) => f.name === 'Udviklingsrådet');
  await api('meetings.create', { forumId: council?.id, title: 'Ekstra udviklingsråd', startsAt: at(addDays(new Date(), 200)), durationMinutes: 60 });
  await expect(pager(page)).toContainText('Møde 51–59 af 59');

  await page.getByLabel('Forum').selectOption({ label: 'Udviklingsrådet · Egeskolen' });
  await expect(rows(page)).toHaveCount(4);
  await expect(rows(page).first()).toContainText('Ekstra udviklingsråd');
  await expect(pager(page)).toHaveCount(0);
  await expectAccessible(page, 'Møder i ét forum');
});
