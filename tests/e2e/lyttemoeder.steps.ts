import { expect, type Locator, type Page } from '@playwright/test';

/** A lyttemøde of the e2e: where, when, which group, and what was heard there (S/K/P after sorting). */
export interface PlannedVisit {
  school: string;
  date: string;
  time: string;
  group: string;
  participants: number;
  /** The capture line as typed, and where it is sorted afterwards. */
  inputs: { line: string; sort: 'S' | 'K' | 'P'; altQuote?: boolean }[];
}

export const DESTINATION_LABEL = { S: 'Løses lokalt på skolen', K: 'Kommune og lærerkreds', P: 'Parkeret' } as const;

export async function planVisit(page: Page, visit: PlannedVisit): Promise<void> {
  const form = page.getByRole('form', { name: 'Planlæg lyttemøde' });
  await form.getByLabel('Skole').fill(visit.school);
  await form.getByLabel('Dato').fill(visit.date);
  await form.getByLabel('Klokkeslæt').fill(visit.time);
  await form.getByLabel('Lærergruppe').fill(visit.group);
  await form.getByRole('button', { name: 'Planlæg lyttemøde' }).click();
  await expect(form.getByRole('status')).toHaveText(`Lyttemødet på ${visit.school} er planlagt.`);
  // Ready for the next one: the school field has the focus.
  await expect(form.getByLabel('Skole')).toBeFocused();
}

export function captureField(page: Page): Locator {
  return page.getByRole('form', { name: 'Det hørte vi' }).getByLabel('Det hørte vi');
}

/** Types one line as the visitors would: into the field, Enter, and the field is empty and focused again. */
export async function capture(page: Page, line: string, count: number, altQuote = false): Promise<void> {
  const field = captureField(page);
  await expect(field).toBeFocused();
  await field.pressSequentially(line, { delay: 0 });
  if (altQuote) {
    await field.press('Alt+c');
    await expect(page.getByLabel('Citat (Alt+C)')).toBeChecked();
  }
  await field.press('Enter');
  await expect(field).toHaveValue('');
  await expect(page.getByRole('heading', { name: /Hørt indtil nu/ })).toContainText(`(${count} input)`);
  await expect(field).toBeFocused();
}

/** Sorts every input of the open sorting page; the first by keyboard, the rest by click. */
export async function sortAll(page: Page, visit: PlannedVisit): Promise<void> {
  for (const [index, input] of visit.inputs.entries()) {
    const item = page.getByRole('listitem', { name: `Input ${index + 1}`, exact: true });
    const radio = item.getByRole('radio', { name: DESTINATION_LABEL[input.sort] });
    if (index === 0) {
      // Keyboard: Tab into the group lands on its first radio; arrows move and choose.
      await item.getByRole('radio', { name: 'Løses lokalt på skolen' }).focus();
      const presses = { S: 0, K: 1, P: 2 }[input.sort];
      if (presses === 0) await page.keyboard.press('Space');
      for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
    } else {
      await radio.check();
    }
    await expect(radio).toBeChecked();
  }
  const total = visit.inputs.length;
  await expect(page.getByText(`${total} af ${total} sorteret`)).toBeVisible();
}
