import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { addForumPeople, invite, join } from './sharing.steps';
import { capture } from './lyttemoeder.steps';
import { menu } from './thin-slice.steps';
import type { Page } from '@playwright/test';

const SERIES = 'Lyttemøder om arbejdstid';
const FIRST = 'Forberedelsestiden forsvinder i vikartimer.';
const FROM_KREDS = 'Teamtiden går til møder, vi ikke selv har valgt.';

/** The series' card on the Lyttemøder page (the navigation names the forum of the same name too). */
function seriesCard(page: Page) {
  return page.getByRole('button', { name: new RegExp(`^${SERIES} Vestskolen`) });
}

/**
 * The skolechef's lyttemøde series becomes its own forum and is shared from the series' page; the kredsformand
 * joins with the invitation on her own laptop, sees the series, and what she captures at the lyttemøde is on
 * the skolechef's laptop. Two laptops (harnesses) and the kommune's server; what is not the point (the
 * skolechef's series and first input) is set up through the API.
 */
test('en serie lyttemøder deles som sit eget forum, og kredsformandens input når skolechefen', async ({ sharingServer, laptops }) => {
  test.setTimeout(300_000);
  const chef = await laptops.open();
  const chefApi = apiOf(chef.page, chef.harness.url);
  await chefApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skolechef') });
  const series = await chefApi('listening.createSeries', { title: SERIES, visitors: 'Skolechefen og kredsformanden' });
  const visit = await chefApi('listening.planMeeting', { seriesId: series['id'], school: 'Vestskolen', date: '2027-01-12', startTime: '14:30', teacherGroup: 'Udskolingens lærere' });
  await chefApi('listening.addInput', { meetingId: visit['id'], text: FIRST, themes: ['Forberedelse'] });

  // On the series' page: it is this laptop's own until it becomes a forum.
  const page = chef.page;
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await seriesCard(page).click();
  const sharing = page.getByRole('region', { name: 'Deling' });
  await expect(sharing).toContainText('Serien ligger kun på denne computer.');
  await screenshot(page, 'lyttedeling-lokal-serie');
  await expectAccessible(page, 'Lyttemøder: en serie, der ikke er delt');
  await sharing.getByRole('button', { name: 'Gør serien til et forum' }).click();

  // The forum, named after the series, opens on its «Deling» tab.
  await expect(page.getByRole('heading', { level: 1, name: SERIES })).toBeVisible();
  await expect(page.locator('.forum-header')).toContainText('Lyttemøde');
  await expect(page.getByRole('tab', { name: 'Deling', selected: true })).toBeVisible();
  await addForumPeople(page, [
    ['Skolechefen', 'Skolechef'],
    ['Kredsformanden', 'Kredsformand'],
  ]);
  await page.getByRole('tab', { name: 'Deling' }).click();
  const tab = page.getByRole('tabpanel', { name: 'Deling' });
  await tab.getByLabel('Hvem er du i forummet?').selectOption({ label: 'Skolechefen (Skolechef)' });
  await tab.getByRole('button', { name: 'Del forummet' }).click();
  await expect(tab.getByRole('heading', { name: 'Forummet er delt' })).toBeVisible();
  const code = await invite(page, 'Kredsformanden', 'Medlem', 'Kredsformanden (Kredsformand)');

  // The series' page now says where it is shared, and leads back to the forum's sharing.
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await seriesCard(page).click();
  await expect(sharing).toContainText(`Serien hører til lyttemødeforummet «${SERIES}»`);
  await expect(sharing.getByRole('status', { name: /^Deling:/ })).toHaveText('Forbundet');
  await screenshot(page, 'lyttedeling-delt-serie');
  await expectAccessible(page, 'Lyttemøder: en serie i et delt forum');

  // The kredsformand's laptop: joins with the code, and the series is there.
  const kreds = (await laptops.open()).page;
  await join(kreds, sharingServer.address, code);
  const arrived = kreds.getByRole('form', { name: 'Tilslut et delt forum' }).getByRole('button', { name: `Åbn ${SERIES}` });
  await expect(arrived).toBeVisible({ timeout: 30_000 });
  await arrived.click();
  // The lyttemøde forum's page leads to its series.
  const forumSeries = kreds.getByRole('region', { name: 'Forummets serie af lyttemøder' });
  await expect(forumSeries).toBeVisible({ timeout: 30_000 });
  await screenshot(kreds, 'lyttedeling-forummet-hos-kredsformanden');
  await expectAccessible(kreds, 'Lyttemødeforummet hos kredsformanden');
  await forumSeries.getByRole('button', { name: `Åbn serien «${SERIES}»` }).click();
  await expect(kreds.getByRole('heading', { level: 1, name: SERIES })).toBeVisible();
  await expect(kreds.getByRole('region', { name: 'Deling' })).toContainText(`Serien hører til lyttemødeforummet «${SERIES}»`);

  // At the lyttemøde she captures on her own laptop, from the keyboard.
  await kreds.getByRole('row', { name: /Vestskolen/ }).getByRole('button', { name: /^Lyt/ }).click();
  await expect(kreds.getByRole('heading', { level: 1 })).toHaveText('Vestskolen · Udskolingens lærere');
  const heardAtKreds = kreds.getByRole('region', { name: /Hørt indtil nu/ });
  await expect(heardAtKreds).toContainText(FIRST);
  await capture(kreds, `${FROM_KREDS} #teamtid`, 2);
  await screenshot(kreds, 'lyttedeling-kredsformanden-lytter');
  await expectAccessible(kreds, 'Lyttemøder: kredsformanden lytter i den delte serie');

  // The skolechef's laptop shows it.
  await page.getByRole('row', { name: /Vestskolen/ }).getByRole('button', { name: /^Lyt/ }).click();
  const heardAtChef = page.getByRole('region', { name: /Hørt indtil nu/ });
  await expect(heardAtChef).toContainText(FROM_KREDS, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: /Hørt indtil nu/ })).toContainText('(2 input)');
  await screenshot(page, 'lyttedeling-skolechefen-ser-input');
});
