import { expect, type Page } from '@playwright/test';
import { menu } from './thin-slice.steps';

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

/** The forum's people with their roles: whom the sharer and the invited are in the forum, the ones they approve and consent as. */
export async function addForumPeople(page: Page, people: readonly (readonly [name: string, role: string])[]): Promise<void> {
  await page.getByRole('tab', { name: 'Roller' }).click();
  const addPerson = page.getByRole('form', { name: 'Tilføj person' });
  for (const [name, role] of people) {
    await addPerson.getByLabel('Navn').fill(name);
    await addPerson.getByLabel('Rolle (kasket)').fill(role);
    await addPerson.getByLabel('Har rollen fra').fill('2026-08-01');
    await addPerson.getByRole('button', { name: 'Tilføj person' }).click();
    await expect(page.getByRole('region', { name: 'Nuværende roller' })).toContainText(name);
  }
  await page.getByRole('tab', { name: 'Overblik' }).click();
}
