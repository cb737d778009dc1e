import { expect, type Page } from '@playwright/test';
import type { Kommune, PersonLaptop } from './kommune';
import { addForumPeople, invite, join, sharingTab, syncLine } from './sharing.steps';
import { addItem, agendaRow, createForum, menu } from './thin-slice.steps';

/**
 * The steps of the TRIO working together across laptops (issue «Working together for real»), each a function
 * of its own so the scenario reads as the story and later steps (late-item consent, following the meeting,
 * approving on each laptop, the lyttemøde inbox) slot in between.
 */

export const TRIO = { name: 'TRIO', school: 'Bøgely Skole', meeting: 'TRIO-møde februar' };
/** The TRIO's people as the forum's roles name them (all three agenda owners): whom each signed-in person is in the forum. */
export const TRIO_PEOPLE = {
  skoleleder: ['Mette Lund', 'Skoleleder'],
  tr: ['Jonas Holm', 'TR'],
  amr: ['Sara Berg', 'AMR'],
} as const;
const personLabel = ([name, role]: readonly [string, string]): string => `${name} (${role})`;

/** «Tilslut et delt forum» on the Fora page, with the server's address typed in. */
async function joinForm(page: Page, address: string) {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const form = page.getByRole('form', { name: 'Tilslut et delt forum' });
  await form.getByLabel('Delingsserverens adresse').fill(address);
  return form;
}

/**
 * In a tab of the laptop's browser, as in the system browser: the provider's own login page, and its consent
 * page if it asks. Signed in at the provider before, the browser goes straight back to the laptop.
 */
async function signInAtProvider(laptop: PersonLaptop): Promise<void> {
  const browserTab = await laptop.context.newPage();
  await browserTab.goto(await laptop.harness.nextLoginAddress());
  const done = browserTab.getByRole('heading', { name: 'Du er logget ind' });
  const login = browserTab.locator('input[name="login"]');
  const submit = browserTab.locator('button[type="submit"]');
  for (let page = 0; page < 4; page++) {
    await expect(done.or(submit)).toBeVisible();
    if (await done.isVisible()) break;
    if (await login.isVisible()) {
      await login.fill(laptop.login);
      await browserTab.locator('input[name="password"]').fill('testkode');
    }
    await submit.click();
  }
  await expect(done).toBeVisible();
  await browserTab.close();
}

/**
 * Signs in with the kommune's login as a person would: the button, «Fortsæt i browseren …», the provider's
 * own login and consent pages in a tab of the laptop's browser, and back in Samtalerum «Logget ind som …».
 */
export async function signIn(laptop: PersonLaptop, kommune: Kommune, check?: (page: Page, state: string) => Promise<void>): Promise<void> {
  const form = await joinForm(laptop.page, kommune.address);
  const login = form.getByRole('group', { name: 'Kommunens login' });
  await login.getByRole('button', { name: 'Log ind med kommunens login' }).click();
  await expect(login.getByRole('status')).toHaveText(/^Fortsæt i browseren/);
  await expect(login.getByRole('button', { name: 'Annullér' })).toBeFocused();
  await check?.(laptop.page, 'venter på browseren');

  await signInAtProvider(laptop);

  await expect(login.getByRole('status')).toHaveText(`Logget ind som ${laptop.name}`);
  await expect(login.getByRole('button', { name: 'Log ud' })).toBeVisible();
}

/**
 * The server ended the person's sign-in: under the forum the laptop says so with «Log ind igen», which signs in
 * again through the provider; the forum connects again and nothing was lost.
 */
export async function signInAgain(laptop: PersonLaptop, check?: (page: Page) => Promise<void>): Promise<void> {
  await openTrio(laptop.page);
  const again = laptop.page.getByRole('group', { name: 'Login udløbet' });
  await expect(again).toContainText('Dit login med kommunens login er udløbet eller afsluttet', { timeout: 30_000 });
  await check?.(laptop.page);
  await again.getByRole('button', { name: 'Log ind igen' }).click();
  await signInAtProvider(laptop);
  await expect(again).toHaveCount(0);
}

/** Redeems an invitation code while signed in: the server makes the signed-in person the member (or the sharer). */
export async function redeemSignedIn(laptop: PersonLaptop, kommune: Kommune, code: string): Promise<void> {
  await join(laptop.page, kommune.address, code);
}

/** The skoleleder, signed in and given the right to share, makes the TRIO with a meeting and shares it. */
export async function shareTrio(skoleleder: PersonLaptop, kommune: Kommune): Promise<string> {
  const { page } = skoleleder;
  await redeemSignedIn(skoleleder, kommune, await kommune.inviteSharer('Skoleleder'));
  await createForum(page, TRIO.name, TRIO.school);
  await addForumPeople(page, Object.values(TRIO_PEOPLE), true);
  await page.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = page.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill(TRIO.meeting);
  await meetingForm.getByLabel('Start').fill('2027-02-09T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRIO.meeting })).toBeVisible();

  await openTrio(page);
  const sharing = await sharingTab(page);
  await sharing.getByLabel('Hvem er du i forummet?').selectOption({ label: personLabel(TRIO_PEOPLE.skoleleder) });
  await sharing.getByRole('button', { name: 'Del forummet' }).click();
  await expect(sharing.getByRole('heading', { name: 'Forummet er delt' })).toBeVisible();
  await expect(syncLine(page)).toHaveText('Forbundet');
  return forumIdOf(skoleleder);
}

/** The admin invites a person as medlem; the person, signed in on their own laptop, redeems it and the TRIO arrives. */
export async function inviteAndJoin(admin: PersonLaptop, person: PersonLaptop, kommune: Kommune, role: string, forumPerson: readonly [string, string]): Promise<void> {
  await openTrio(admin.page);
  await sharingTab(admin.page);
  const code = await invite(admin.page, role, 'Medlem', personLabel(forumPerson));
  await redeemSignedIn(person, kommune, code);
  const arrived = person.page.getByRole('form', { name: 'Tilslut et delt forum' }).getByRole('button', { name: `Åbn ${TRIO.name}` });
  await expect(arrived).toBeVisible({ timeout: 30_000 });
  await arrived.click();
  await expect(person.page.getByRole('heading', { level: 1, name: TRIO.name })).toBeVisible();
}

export async function openTrio(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('button', { name: new RegExp(`^${TRIO.name} ${TRIO.name} ${TRIO.school}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRIO.name })).toBeVisible();
}

export async function openMeeting(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(TRIO.meeting) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRIO.meeting })).toBeVisible();
}

/** The shared forum's id, as the laptop's own services know it (the same on every laptop). */
async function forumIdOf(laptop: PersonLaptop): Promise<string> {
  const response = await laptop.page.request.post(`${laptop.harness.url}/api/forums.list`, { data: {} });
  const answer = (await response.json()) as { ok: boolean; value: { id: string; name: string }[] };
  const forum = answer.value.find((candidate) => candidate.name === TRIO.name);
  if (!forum) throw new Error('TRIO findes ikke på skolelederens computer');
  return forum.id;
}

/**
 * Two people add an item each to the same agenda at the same time, each on their own laptop; each sees the
 * other's. Returns how long each item took from the author's confirmation to the other's screen (ms).
 */
export async function prepareInParallel(one: PersonLaptop, other: PersonLaptop, items: [string, string]): Promise<number[]> {
  await Promise.all([openMeeting(one.page), openMeeting(other.page)]);
  const authored = async (author: PersonLaptop, reader: PersonLaptop, title: string): Promise<number> => {
    await addItem(author.page, { title, type: 'droeftelse', minutes: 15 });
    const savedAt = Date.now();
    await expect(agendaRow(reader.page, title)).toBeVisible({ timeout: 30_000 });
    return Date.now() - savedAt;
  };
  return Promise.all([authored(one, other, items[0]), authored(other, one, items[1])]);
}

/** A closed item (lukket punkt) with a background only members may read. */
export async function addClosedItem(author: PersonLaptop, title: string, background: string): Promise<void> {
  await openMeeting(author.page);
  await addItem(author.page, { title, type: 'orientering', minutes: 10 });
  const row = agendaRow(author.page, title);
  await row.getByRole('button', { name: new RegExp(`^\\d+\\. ${title}`) }).click();
  const editor = author.page.getByRole('article', { name: /Redigér punkt/ });
  await editor.getByLabel(/Lukket punkt/).check();
  await editor.getByLabel('Baggrund').fill(background);
  await editor.getByRole('button', { name: 'Gem punktet' }).click();
  await expect(row).toContainText('Lukket punkt');
}
