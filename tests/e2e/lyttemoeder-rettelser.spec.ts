import { expect, expectAccessible, screenshot, test } from './fixtures';
import { capture, planVisit, type PlannedVisit } from './lyttemoeder.steps';
import { menu } from './thin-slice.steps';
import type { Locator, Page } from '@playwright/test';

const SERIES = 'Lyttemøder skoleåret 2026-27';
const RENAMED_SERIES = 'Lyttemøder skoleåret 2026-27 – udskolingen med';

/**
 * Two visits held in the autumn with something heard (a lyttemøde cannot be held before its day), and one
 * still planned; the themes carry a typo and a near-duplicate.
 */
const HEARD: PlannedVisit[] = [
  {
    school: 'Egeskolen',
    date: '2026-10-06',
    time: '14:30',
    group: 'Indskolingens lærere',
    participants: 12,
    inputs: [
      { line: 'Vi når ikke at forberede os #forberedlse #tid', sort: 'S' },
      { line: 'Møderne æder arbejdstiden #arbejdstid', sort: 'K' },
      { line: 'IT-systemerne driller hver dag #it', sort: 'P' },
    ],
  },
  {
    school: 'Bøgeskolen',
    date: '2026-10-13',
    time: '15:00',
    group: 'Mellemtrinnets lærere',
    participants: 10,
    inputs: [
      { line: 'Ingen tid til at tale med kollegerne #tid', sort: 'S' },
      { line: 'Arbejdstiden slår ikke til #arbejdstid', sort: 'K' },
    ],
  },
];
const PLANNED: PlannedVisit = { school: 'Lindeskolen', date: '2027-03-16', time: '14:00', group: 'Udskolingens lærere', participants: 0, inputs: [] };

function themePanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Temaer' });
}

function chartRow(page: Page, theme: string): Locator {
  return page.getByRole('table').getByRole('row', { name: new RegExp(`^▸?\\s*${theme} \\d+ input`) });
}

async function toSeries(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Brødkrumme' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function listenAt(page: Page, visit: PlannedVisit): Promise<void> {
  await page.getByRole('row', { name: new RegExp(visit.school) }).getByRole('button', { name: /^Lyt/ }).click();
  for (const [i, input] of visit.inputs.entries()) await capture(page, input.line, i + 1);
  await page.getByRole('button', { name: 'Afslut lyttemødet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sortér det hørte' })).toBeVisible();
  await toSeries(page, SERIES);
}

test('lyttemøder rettes: serien, et møde flyttes og fjernes, temaer omdøbes, lægges sammen og fjernes', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  const seriesForm = page.getByRole('form', { name: 'Ny serie' });
  await seriesForm.getByLabel('Seriens titel').fill(SERIES);
  await seriesForm.getByLabel('Besøgende').fill('Kredsformanden og skolechefen');
  await seriesForm.getByRole('button', { name: 'Opret serien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SERIES })).toBeVisible();
  for (const visit of [...HEARD, PLANNED]) await planVisit(page, visit);
  for (const visit of HEARD) await listenAt(page, visit);

  // The series: a required title is still required, and the saved title is the page's.
  await page.getByText('Ret serien').click();
  const seriesEdit = page.getByRole('form', { name: 'Ret serien' });
  await expect(seriesEdit.getByLabel('Seriens titel')).toHaveValue(SERIES);
  await seriesEdit.getByLabel('Seriens titel').fill('');
  await seriesEdit.getByRole('button', { name: 'Gem serien' }).click();
  await expect(seriesEdit.getByRole('alert')).toContainText('Seriens titel skal udfyldes');
  await expect(seriesEdit.getByLabel('Seriens titel')).toHaveAttribute('aria-invalid', 'true');
  await seriesEdit.getByLabel('Seriens titel').fill(RENAMED_SERIES);
  await seriesEdit.getByLabel('Formål').fill('At høre, hvad der fylder, før skoleåret planlægges.');
  await seriesEdit.getByRole('button', { name: 'Gem serien' }).click();
  await expect(seriesEdit.getByRole('status')).toHaveText('Serien er gemt.');
  await expect(page.getByRole('heading', { level: 1, name: RENAMED_SERIES })).toBeVisible();
  await expect(page.getByText('At høre, hvad der fylder, før skoleåret planlægges.').first()).toBeVisible();
  await screenshot(page, 'lyttemoeder-ret-serien');
  await expectAccessible(page, 'Lyttemøder: ret serien');

  // Lindeskolen's visit is moved a week, from the keyboard; the table follows.
  const lindeskolen = page.getByRole('row', { name: /Lindeskolen/ });
  await lindeskolen.getByRole('button', { name: /^Ret/ }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Ret lyttemødet på Lindeskolen' });
  await expect(edit.getByLabel('Skole')).toBeFocused();
  await expect(edit.getByLabel('Dato')).toHaveValue(PLANNED.date);
  await edit.getByLabel('Lærergruppe').fill('');
  await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
  await expect(edit.getByRole('alert')).toContainText('Lærergruppen skal udfyldes');
  await edit.getByLabel('Lærergruppe').fill(PLANNED.group);
  await edit.getByLabel('Dato').fill('2027-03-23');
  await screenshot(page, 'lyttemoeder-ret-moede');
  await expectAccessible(page, 'Lyttemøder: ret et møde');
  await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
  await expect(edit).toBeHidden();
  const meetings = page.getByRole('region', { name: 'Lyttemøderne' });
  await expect(meetings.getByRole('status')).toHaveText('Lyttemødet på Lindeskolen 23. mar. 2027 er gemt.');
  await expect(lindeskolen).toContainText('23. mar. 2027');

  // Escape leaves the dialog without a change, and the focus is back on the button.
  const retEgeskolen = page.getByRole('row', { name: /Egeskolen/ }).getByRole('button', { name: /^Ret/ });
  await retEgeskolen.click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(retEgeskolen).toBeFocused();

  // A visit with inputs cannot go: «Fjern» is not offered, and says why to a screen reader too.
  const fjernEgeskolen = page.getByRole('row', { name: /Egeskolen/ }).getByRole('button', { name: /^Fjern/ });
  await expect(fjernEgeskolen).toBeDisabled();
  await expect(fjernEgeskolen).toHaveAccessibleDescription('Kan ikke fjernes: mødet har 3 input.');
  await screenshot(page, 'lyttemoeder-fjern-ikke-muligt');
  await expectAccessible(page, 'Lyttemøder: fjern ikke muligt');

  // The empty one goes.
  await lindeskolen.getByRole('button', { name: /^Fjern/ }).click();
  await page.getByRole('dialog', { name: 'Fjern lyttemødet?' }).getByRole('button', { name: 'Ja, fjern lyttemødet' }).click();
  await expect(meetings.getByRole('status')).toHaveText('Lyttemødet på Lindeskolen 23. mar. 2027 er fjernet.');
  await expect(page.getByRole('row', { name: /Lindeskolen/ })).toHaveCount(0);
  await expect(meetings.getByRole('heading', { name: 'Lyttemøderne' })).toBeFocused();

  // Themes: the typo is renamed.
  const themes = themePanel(page);
  await expect(themes).toContainText('Får det samme navn som et andet tema, lægges de to sammen');
  await expect(themes.getByRole('listitem')).toHaveCount(4);
  await themes.getByRole('button', { name: 'Omdøb temaet forberedlse' }).click();
  const rename = themes.getByRole('form', { name: 'Omdøb temaet forberedlse' });
  await expect(rename.getByLabel('Nyt navn til temaet forberedlse')).toBeFocused();
  await rename.getByLabel('Nyt navn til temaet forberedlse').fill('forberedelse');
  await rename.getByRole('button', { name: 'Gem' }).click();
  await expect(themes.getByRole('status')).toHaveText('Temaet «forberedlse» hedder nu «forberedelse».');
  await expect(themes.getByRole('listitem').filter({ hasText: '#forberedelse' })).toContainText('1 input');

  // Before merging, "tid" and "arbejdstid" are two rows of the overview.
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await expect(chartRow(page, 'tid')).toContainText('2 af 2 skoler');
  await expect(chartRow(page, 'tid')).toContainText('1 input på Egeskolen');
  await expect(chartRow(page, 'arbejdstid')).toContainText('2 af 2 skoler');
  await toSeries(page, RENAMED_SERIES);

  // "arbejdstid" renamed to "tid": one theme now, and the message says so.
  await themes.getByRole('button', { name: 'Omdøb temaet arbejdstid' }).click();
  await themes.getByLabel('Nyt navn til temaet arbejdstid').fill('tid');
  await themes.getByLabel('Nyt navn til temaet arbejdstid').press('Enter');
  await expect(themes.getByRole('status')).toHaveText('Temaet «arbejdstid» er lagt sammen med «tid», som nu samler 4 input.');
  await expect(themes.getByRole('listitem')).toHaveCount(3);
  await expect(themes.getByRole('listitem').filter({ hasText: '#tid' })).toContainText('4 input');
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await expect(chartRow(page, 'tid')).toContainText('4 input');
  await expect(chartRow(page, 'tid')).toContainText('2 input på Egeskolen');
  await expect(chartRow(page, 'tid')).toContainText('2 input på Bøgeskolen');
  await expect(chartRow(page, 'arbejdstid')).toHaveCount(0);
  await toSeries(page, RENAMED_SERIES);

  // "it" goes after a question; its input stays, without a theme.
  await themes.getByRole('button', { name: 'Fjern temaet it fra serien' }).click();
  const question = themes.getByRole('group', { name: 'Fjern temaet «it»? Inputtet bliver, men mister temaet.' });
  await expect(question.getByRole('button', { name: 'Annullér' })).toBeFocused();
  await screenshot(page, 'lyttemoeder-temaer');
  await expectAccessible(page, 'Lyttemøder: temaer');
  await question.getByRole('button', { name: 'Annullér' }).press('Enter');
  await expect(themes.getByRole('button', { name: 'Omdøb temaet it' })).toBeFocused();
  await themes.getByRole('button', { name: 'Fjern temaet it fra serien' }).click();
  await question.getByRole('button', { name: 'Ja, fjern temaet' }).click();
  await expect(themes.getByRole('status')).toHaveText('Temaet «it» er fjernet. Inputtene er der stadig.');
  await expect(themes.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await expect(page.getByText('1 input uden tema')).toBeVisible();
  await expect(chartRow(page, 'it')).toHaveCount(0);

  // A long page in an ordinary laptop window: scrolled to the bottom, the menu is still at the top.
  await toSeries(page, RENAMED_SERIES);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
  expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
  const sidebar = await page.locator('.sidebar').boundingBox();
  expect(sidebar?.y).toBeCloseTo(0, 0);
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Lyttemøder' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/lyttemoeder-rullet-vindue.png' });
});
