import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './fixtures';
import { addItem, agendaRow, menu, selectItem } from './thin-slice.steps';

/** «Tilslut et delt forum» on the Fora page, with the server's address and a code. */
export async function join(page: Page, address: string, code: string): Promise<void> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  const form = page.getByRole('form', { name: 'Tilslut et delt forum' });
  await form.getByLabel('Delingsserverens adresse').fill(address);
  await form.getByLabel('Invitationskode').fill(code);
  await form.getByRole('button', { name: 'Tilslut' }).click();
  await expect(form.getByText(/Computeren er tilsluttet/)).toBeVisible();
}

/** The forum's tab «Deling». */
export async function sharingTab(page: Page) {
  await page.getByRole('tab', { name: 'Deling' }).click();
  return page.getByRole('tabpanel', { name: 'Deling' });
}

/** The admin makes a one-time code for a person with a right, and reads it off the screen to hand over. */
export async function invite(page: Page, name: string, right: 'Medlem' | 'Læser', forumPerson: string): Promise<string> {
  const sharing = page.getByRole('tabpanel', { name: 'Deling' });
  const form = sharing.getByRole('form', { name: 'Invitér en person' });
  await form.getByLabel('Personens navn').fill(name);
  await form.getByRole('radio', { name: new RegExp(`^${right}`) }).check();
  await form.getByLabel('Hvem er personen i forummet?').selectOption({ label: forumPerson });
  await form.getByRole('button', { name: 'Lav invitationskode' }).click();
  const invitation = sharing.getByRole('group', { name: new RegExp(`Invitationskode til ${name}`) });
  await expect(invitation).toContainText(/Gælder til \p{L}+dag den \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d, og kun én gang\./u);
  await expect(invitation.getByRole('heading')).toBeFocused();
  const code = (await invitation.locator('.invitation-code code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/i);
  return code;
}

/** The line in the navigation: the words carry the state. */
export function syncLine(page: Page) {
  return page.getByRole('complementary').getByRole('status', { name: /^Deling:/ });
}

/** The forum's people with their roles (agenda owners, when asked): whom the sharer and the invited are in the forum, the ones they approve and consent as. */
export async function addForumPeople(page: Page, people: readonly (readonly [name: string, role: string])[], agendaOwners = false): Promise<void> {
  await page.getByRole('tab', { name: 'Roller' }).click();
  const addPerson = page.getByRole('form', { name: 'Tilføj person' });
  for (const [name, role] of people) {
    await addPerson.getByLabel('Navn').fill(name);
    await addPerson.getByLabel('Rolle (kasket)').fill(role);
    await addPerson.getByLabel('Har rollen fra').fill('2026-08-01');
    if (agendaOwners) await addPerson.getByRole('checkbox', { name: 'Dagsordensejer' }).check();
    await addPerson.getByRole('button', { name: 'Tilføj person' }).click();
    await expect(page.getByRole('region', { name: 'Nuværende roller' })).toContainText(name);
  }
  await page.getByRole('tab', { name: 'Overblik' }).click();
}

/**
 * The steps of co-owners working together on their own laptops, shared by the scenarios that test each alone
 * (samtykke, tilstede, indbakke) and the TRIO's whole story (trio.spec.ts). `reopen` opens the meeting's page
 * again: a change from another laptop may arrive while the page shows the state before it.
 */

/** The agenda went out; the author adds a late item, which waits for the other owners by name, and has no button to consent to it. */
export async function addLateItem(page: Page, title: string, awaited: readonly string[]): Promise<void> {
  await addItem(page, { title, type: 'droeftelse', minutes: 15 });
  await expect(agendaRow(page, title)).toContainText('Sent punkt, venter på');
  const editor = await selectItem(page, title);
  const consent = editor.getByRole('region', { name: 'Samtykke til det sene punkt' });
  for (const name of awaited) {
    await expect(agendaRow(page, title)).toContainText(name);
    await expect(consent).toContainText(name);
  }
  await expect(consent).toContainText('Venter på samtykke fra');
  await expect(editor.getByRole('button', { name: 'Giv samtykke' })).toHaveCount(0);
}

/** An owner consents to a late item on their own laptop, from the keyboard, once the item has arrived there. */
export async function consentToLateItem(page: Page, title: string, name: string, reopen: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await reopen();
    await expect(agendaRow(page, title)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  const editor = await selectItem(page, title);
  await editor.getByRole('button', { name: 'Giv samtykke' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('region', { name: 'Samtykke til det sene punkt' })).toContainText(new RegExp(`Samtykke fra ${name} \\d+\\. \\p{L}+\\.? kl\\. \\d\\d\\.\\d\\d`, 'u'));
  await expect(editor.getByRole('button', { name: 'Træk mit samtykke tilbage' })).toBeVisible();
}

/** On the facilitator's laptop in run mode: the item chosen in the agenda's timeline is the current one. */
export async function goToItem(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Dagsordenen' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** On another member's meeting page: «<navn> leder mødet nu — Følg med», pressed from the keyboard. Returns the followed view. */
export async function followMeeting(page: Page, leader: string): Promise<Locator> {
  await expect(page.getByRole('heading', { name: `${leader} leder mødet nu` })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Følg med' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Stop med at følge' })).toHaveAttribute('aria-pressed', 'true');
  return page.locator('.follow-view');
}

/** What the follower's view shows: the facilitator's current item, and where it is on the agenda. */
export async function expectFollowing(followed: Locator, title: string, position: string): Promise<void> {
  await expect(followed.getByRole('heading', { level: 3 })).toHaveText(title, { timeout: 30_000 });
  await expect(followed).toContainText(position);
}

export function referatPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Referat', exact: true });
}

/**
 * An owner approves the referat on their own laptop once the approvals given before have arrived there; only
 * «Godkend referatet» for themselves, never «Godkend som …» for someone else.
 */
export async function approveReferat(page: Page, approvedBefore: readonly string[], reopen: () => Promise<void>): Promise<Locator> {
  const referat = referatPanel(page);
  await expect(async () => {
    await reopen();
    for (const name of approvedBefore) await expect(referat).toContainText(`Godkendt af ${name}`, { timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(referat.getByRole('button', { name: /^Godkend som/ })).toHaveCount(0);
  await referat.getByRole('button', { name: 'Godkend referatet' }).click();
  await expect(referat.getByRole('button', { name: 'Godkend referatet' })).toHaveCount(0);
  return referat;
}

/** The kredsformand sends a lyttemøde's input on, to a school forum's inbox among the kommune's shared forums. */
export async function sendInputToInbox(page: Page, at: { series: string; school: string; forum: string; title: string }): Promise<Locator> {
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await page.getByRole('button', { name: new RegExp(at.series) }).click();
  await page.getByRole('row', { name: new RegExp(at.school) }).getByRole('button', { name: /^Sortér/ }).click();
  const item = page.getByRole('listitem', { name: 'Input 1', exact: true });
  await item.getByRole('button', { name: 'Send videre: Input 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send input videre til en dagsorden' });
  const forum = dialog.getByLabel('Forum');
  await expect(forum.locator('optgroup[label^="Kommunens delte fora"] option')).toHaveText([`${at.forum} · indbakke`], { timeout: 30_000 });
  await forum.selectOption({ label: `${at.forum} · indbakke` });
  await expect(dialog).toContainText('send aldrig noget fortroligt');
  await dialog.getByLabel('Titel').fill(at.title);
  await screenshot(page, 'indbakke-send');
  await expectAccessible(page, 'Send til en skoles indbakke');
  await dialog.getByRole('button', { name: 'Send til forummets indbakke' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByText(`Sendt til ${at.forum}: afventer svar`)).toBeVisible();
  return item;
}

/** An owner opens the forum's «Indbakke (1)» (counted in the header too) and finds the input there, from its sender. */
export async function openInbox(page: Page, forumButton: RegExp, at: { title: string; text: string; from: string }): Promise<Locator> {
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('button', { name: forumButton }).click();
  await expect(page.getByRole('button', { name: '1 ubesvaret input i indbakken' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Indbakke (1)' }).click();
  // The tab's name follows the count: «Indbakke» again once it is answered.
  const submission = page.getByRole('tabpanel', { name: /^Indbakke/ }).getByRole('listitem', { name: at.title });
  await expect(submission).toContainText(at.text);
  await expect(submission).toContainText(`Fra ${at.from}`);
  return submission;
}

/** The owner puts the input on the coming meeting; the inbox says so and counts nothing unanswered. */
export async function acceptFromInbox(page: Page, submission: Locator, title: string, meetingId?: string): Promise<void> {
  await submission.getByRole('button', { name: `Sæt på dagsordenen: ${title}` }).click();
  const accept = page.getByRole('dialog', { name: 'Sæt input fra indbakken på dagsordenen' });
  if (meetingId) await expect(accept.getByLabel('Kommende møde')).toHaveValue(meetingId);
  await screenshot(page, 'indbakke-optag');
  await expectAccessible(page, 'Sæt input fra indbakken på dagsordenen');
  await accept.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
  await expect(accept).toHaveCount(0);
  await expect(submission).toContainText(new RegExp(`Optaget på dagsordenen \\d+\\. \\p{L}+\\.? \\d{4} som «${title}»`, 'u'));
  await expect(page.getByRole('tab', { name: 'Indbakke', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /ubesvaret input i indbakken/ })).toHaveCount(0);
}
