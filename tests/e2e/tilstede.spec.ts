import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, startMeeting, test } from './fixtures';
import { expectFollowing, followMeeting, goToItem } from './sharing.steps';
import { addItem, agendaRow, createForum, menu } from './thin-slice.steps';

const MEETING = 'TRIO-møde februar';
const FIRST = 'Trivselsmåling i udskolingen';
const SECOND = 'Planlægning af temadag';

async function join(page: Page, address: string, code: string): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const form = page.getByRole('form', { name: 'Tilslut et delt forum' });
  await form.getByLabel('Delingsserverens adresse').fill(address);
  await form.getByLabel('Invitationskode').fill(code);
  await form.getByRole('button', { name: 'Tilslut' }).click();
  await expect(form.getByText(/Computeren er tilsluttet/)).toBeVisible();
}

async function sharingTab(page: Page) {
  await page.getByRole('tab', { name: 'Deling' }).click();
  return page.getByRole('tabpanel', { name: 'Deling' });
}

async function openMeeting(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(MEETING) }).click();
  await expect(agendaRow(page, FIRST)).toBeVisible();
}

/** A member's line in «Medlemmer»: its words say the right and whether the person is online. */
function memberLine(page: Page, name: string) {
  return page.getByRole('list', { name: 'Medlemmer' }).getByRole('listitem').filter({ hasText: name }).locator('.member-line');
}

test('medlemmerne ses med ret og «online nu», og et medlem følger mødet, som et andet leder på sin egen bærbar', async ({ sharingServer, laptops }) => {
  test.setTimeout(260_000);
  const leader = await laptops.open();
  const one = leader.page;
  await join(one, sharingServer.address, await sharingServer.inviteSharer('Skoleleder Anne'));
  await createForum(one, 'TRIO', 'Bøgely Skole');
  await one.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = one.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill(MEETING);
  await meetingForm.getByLabel('Start').fill('2027-02-09T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('60');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await addItem(one, { title: FIRST, type: 'droeftelse', minutes: 20 });
  await addItem(one, { title: SECOND, type: 'orientering', minutes: 10 });

  await menu(one).getByRole('button', { name: 'Fora' }).click();
  await one.getByRole('button', { name: /^TRIO TRIO Bøgely Skole/ }).click();
  let sharing = await sharingTab(one);
  await sharing.getByLabel('Hvem er du i forummet?').selectOption({ label: 'Ingen af forummets personer' });
  await sharing.getByRole('button', { name: 'Del forummet' }).click();
  await expect(sharing.getByRole('heading', { name: 'Forummet er delt' })).toBeVisible();
  const form = sharing.getByRole('form', { name: 'Invitér en person' });
  await form.getByLabel('Personens navn').fill('TR Bo');
  await form.getByRole('radio', { name: /^Medlem/ }).check();
  await form.getByLabel('Hvem er personen i forummet?').selectOption({ label: 'Ingen af forummets personer' });
  await form.getByRole('button', { name: 'Lav invitationskode' }).click();
  const code = (await sharing.locator('.invitation-code code').textContent()) ?? '';

  // The TR joins on a laptop of their own.
  const follower = await laptops.open();
  const two = follower.page;
  await join(two, sharingServer.address, code);
  await expect(two.getByRole('form', { name: 'Tilslut et delt forum' }).getByRole('button', { name: 'Åbn TRIO' })).toBeVisible({ timeout: 30_000 });

  // The admin sees both with their right, and the TR online now: in words, with an icon beside them.
  await one.getByRole('tab', { name: 'Overblik' }).click();
  sharing = await sharingTab(one);
  await expect(memberLine(one, 'TR Bo')).toContainText('Medlem');
  await expect(memberLine(one, 'TR Bo')).toContainText('online nu', { timeout: 30_000 });
  await expect(memberLine(one, 'Skoleleder Anne')).toContainText('(dig)');
  await expect(memberLine(one, 'Skoleleder Anne')).toContainText('administrator');
  await expect(sharing).toContainText(/Senest hentet \d+\. \p{L}+ kl\. \d\d\.\d\d\./u);
  await screenshot(one, 'tilstede-medlemmer');
  await expectAccessible(one, 'Deling: medlemmer og hvem der er online');

  // The skoleleder runs the meeting; the TR's meeting page offers to follow it.
  await openMeeting(two);
  await openMeeting(one);
  await startMeeting(one);
  await goToItem(one, FIRST);
  const followed = await followMeeting(two, 'Skoleleder Anne');
  await expectFollowing(followed, FIRST, 'Punkt 1 af 2');

  // The skoleleder moves on and starts the clock: the TR's laptop follows, without changing anything.
  await goToItem(one, SECOND);
  await one.getByRole('button', { name: /Start tid/ }).click();
  await expectFollowing(followed, SECOND, 'Punkt 2 af 2');
  await expect(followed).toContainText('uret kører');
  // The TR cannot run the same meeting a second time from their laptop, and is told why.
  await expect(two.getByRole('button', { name: /^(Start|Fortsæt) mødet$/ })).toHaveCount(0);
  await expect(two.getByText('Skoleleder Anne leder mødet fra en anden computer, så det startes ikke her.')).toBeVisible();
  await screenshot(two, 'tilstede-foelg-moedet');
  await expectAccessible(two, 'Mødet: følg med');

  // The skoleleder leaves run mode: the offer goes away.
  await one.getByRole('button', { name: 'Til dagsordenen' }).click();
  await expect(two.getByRole('heading', { name: 'Skoleleder Anne leder mødet nu' })).toHaveCount(0, { timeout: 30_000 });

  // The TR's laptop is gone (kill -9): the admin sees it go offline.
  await follower.harness.kill();
  await menu(one).getByRole('button', { name: 'Fora' }).click();
  await one.getByRole('button', { name: /^TRIO TRIO Bøgely Skole/ }).click();
  await sharingTab(one);
  await expect(memberLine(one, 'TR Bo')).toContainText('ikke online', { timeout: 30_000 });
  await expect(memberLine(one, 'TR Bo')).not.toContainText('online nu');
  await screenshot(one, 'tilstede-gaaet');

  // The server goes too: the list last fetched stays, says when it was fetched, and offers no changes.
  await sharingServer.kill();
  await expect(one.getByRole('tabpanel', { name: 'Deling' })).toContainText(/Sidst kendt d\. \d+\. \p{L}+ kl\. \d\d\.\d\d\. Serveren kan ikke nås lige nu/u, {
    timeout: 30_000,
  });
  await expect(memberLine(one, 'TR Bo')).toContainText('Medlem');
  await expect(one.getByRole('button', { name: 'Fjern TR Bo fra forummet' })).toHaveCount(0);
  await screenshot(one, 'tilstede-uden-server');
  await expectAccessible(one, 'Deling: medlemslisten uden server');

  // The laptop starts again while the server is still gone: the list kept in the archive stands, as last known.
  await leader.harness.restart();
  await one.goto(leader.harness.url);
  await menu(one).getByRole('button', { name: 'Fora' }).click();
  await one.getByRole('button', { name: /^TRIO TRIO Bøgely Skole/ }).click();
  sharing = await sharingTab(one);
  await expect(sharing).toContainText(/Sidst kendt d\. \d+\. \p{L}+ kl\. \d\d\.\d\d\. Serveren kan ikke nås lige nu/u, { timeout: 30_000 });
  await expect(memberLine(one, 'TR Bo')).toContainText('Medlem');
  await expect(memberLine(one, 'TR Bo')).toContainText('ikke online');
  await expect(memberLine(one, 'Skoleleder Anne')).toContainText('(dig)');
  await expect(memberLine(one, 'Skoleleder Anne')).toContainText('administrator');
  await expect(one.getByRole('button', { name: 'Fjern TR Bo fra forummet' })).toHaveCount(0);
  await screenshot(one, 'tilstede-start-uden-server');
  await expectAccessible(one, 'Deling: medlemslisten efter en start uden server');
});
