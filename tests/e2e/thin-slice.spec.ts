import { expect, expectAccessible, screenshot, test } from './fixtures';
import { SLICE, agendaRow, buildThinSlice, expectThinSlice, selectItem } from './thin-slice.steps';

test('en TRIO med et møde, to punkter og en beslutning overlever en genstart', async ({ page, harness }) => {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Oversigt' })).toBeVisible();
  await expectAccessible(page, 'Oversigt (tom)');

  await buildThinSlice(page);
  await screenshot(page, 'moede-med-beslutning');
  await expectAccessible(page, 'Møde');

  await harness.restart();
  await page.goto(harness.url);
  await expectThinSlice(page);

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Oversigt' }).click();
  await expect(page.getByRole('region', { name: 'Seneste beslutninger' })).toContainText(SLICE.firstItem);
  await screenshot(page, 'oversigt');
  await expectAccessible(page, 'Oversigt');
});

test('hver skærm i hovedmenuen er tilgængelig og på dansk', async ({ page, harness }) => {
  await page.goto(harness.url);
  await buildThinSlice(page);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  for (const [button, heading] of [
    ['Fora', 'Fora'],
    ['Møder', 'Møder'],
    ['Opfølgning', 'Opfølgning'],
    ['Lyttemøder', 'Lyttemøder'],
    ['Arkiv', 'Arkiv'],
    ['Indstillinger', 'Indstillinger'],
  ] as const) {
    // Exact: «Møder» is also part of «Lyttemøder».
    await nav.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await screenshot(page, `skaerm-${button.toLowerCase()}`);
    await expectAccessible(page, heading);
  }
  await nav.getByRole('button', { name: 'Arkiv' }).click();
  await expect(page.getByRole('main')).toContainText(SLICE.decision);
});

test('forkert input får en dansk besked ved feltet, og intet gemmes halvt', async ({ page, harness }) => {
  await page.goto(harness.url);
  await buildThinSlice(page);
  await page.getByRole('button', { name: 'Nyt punkt' }).click();
  const itemForm = page.getByRole('form', { name: 'Tilføj punkt' });
  await itemForm.getByLabel('Punktets titel').fill('   ');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(itemForm.getByText('Punktets titel skal udfyldes.')).toBeVisible();
  await expect(itemForm.getByLabel('Punktets titel')).toHaveAttribute('aria-invalid', 'true');

  await itemForm.getByLabel('Punktets titel').fill('Ny skemamodel');
  await itemForm.getByLabel('Type').selectOption('beslutning');
  await itemForm.getByLabel('Varslet farve').selectOption('');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(itemForm.getByText(/Et beslutningspunkt skal have en varslet farve/)).toBeVisible();
  await itemForm.getByLabel('Type').selectOption('droeftelse');
  await itemForm.getByLabel('Minutter').fill('0');
  await itemForm.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(itemForm.getByText('Tidsrammen skal være mindst 1 minut.')).toBeVisible();
  await expectAccessible(page, 'Møde med fejl i formular');
  await expect(agendaRow(page, /./)).toHaveCount(2);

  const editor = await selectItem(page, SLICE.firstItem);
  const decisionForm = editor.getByRole('form', { name: 'Beslutning' });
  await decisionForm.getByLabel('Farve brugt').selectOption('roed');
  await decisionForm.getByRole('button', { name: 'Gem udkast' }).click();
  await expect(decisionForm.getByText(/Skriv kort hvorfor/)).toBeVisible();
  await screenshot(page, 'fejl-ved-felt');
  await expect(editor.getByRole('region', { name: 'Beslutning' })).toContainText('GU');
});
