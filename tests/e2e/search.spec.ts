import { expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

test('søgning i arkivet finder danske ord og sammensatte ord, tåler enhver tekst og viser kun lukkede punkter efter valg', async ({
  page,
  demoHarness,
}) => {
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  const panel = page.getByRole('region', { name: 'Søgning' });
  const field = panel.getByRole('searchbox', { name: 'Søg i arkivet' });
  const status = panel.getByRole('status');
  const results = panel.getByRole('list', { name: 'Resultater' }).getByRole('listitem');

  // The beginning of a compound word finds the demo's decision about "Fælles forberedelsestid".
  await field.fill('forberedelse');
  const decision = results.filter({ hasText: /^Beslutning · TRIO/ }).filter({ hasText: 'Fælles forberedelsestid i teamene' });
  await expect(decision).toHaveCount(1);
  await expect(decision.locator('mark').first()).toHaveText('forberedelsestid');
  await expect(decision).toContainText('Den fælles forberedelsestid ligger tirsdag');

  // æ, ø and å: "fravær" finds "Fraværet er steget …" and "fraværstal", marked in the text.
  await field.fill('fravær');
  await expect(results.filter({ hasText: 'Trække fraværstal for indskolingen' })).toHaveCount(1);
  const item = results.filter({ hasText: /^Punkt · TRIO/ }).filter({ hasText: 'Trivsel og sygefravær i indskolingen' });
  await expect(item.locator('mark')).toHaveText(['Fraværet']);
  await screenshot(page, 'arkiv-soegning');
  await expectAccessible(page, 'Arkiv med søgeresultater');

  // Whatever is typed, the answer is results or a Danish sentence, never an error.
  await field.fill('tilsyn" AND (');
  await expect(results.filter({ hasText: 'Ny model for tilsyn i frikvartererne' }).first()).toBeVisible();
  await field.fill('"-*() NEAR(');
  await expect(status).toHaveText('Skriv mindst ét ord at søge efter.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Confidential items only after the visible switch is turned on.
  await field.fill('personalesag');
  await expect(status).toHaveText('Ingen resultater for «personalesag».');
  const toggle = panel.getByRole('checkbox', { name: 'Søg også i lukkede punkter' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const confidential = results.filter({ hasText: 'Personalesag i indskolingen' });
  await expect(confidential.first()).toContainText('Lukket punkt');
  await expectAccessible(page, 'Arkiv med lukkede punkter i søgningen');
  await screenshot(page, 'arkiv-soegning-lukkede');

  // A filter narrows the results; a result opens its meeting.
  await panel.getByLabel('Type').selectOption({ label: 'Punkter' });
  await expect(results).toHaveCount(1);
  await results.first().getByRole('button', { name: 'Personalesag i indskolingen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TRIO-møde');
});
