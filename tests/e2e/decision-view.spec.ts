import { expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

test('søgning og beslutningsloggen åbner selve beslutningen, kun til læsning, med vej videre til mødet og sagen', async ({ page, demoHarness }) => {
  test.setTimeout(180_000);
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();

  // From a search hit: the decision itself, not its meeting.
  const search = page.getByRole('region', { name: 'Søgning' });
  await search.getByRole('searchbox', { name: 'Søg i arkivet' }).fill('forberedelse');
  const hit = search.getByRole('list', { name: 'Resultater' }).getByRole('listitem').filter({ hasText: /^Beslutning · TRIO/ });
  await hit.getByRole('button', { name: 'Fælles forberedelsestid i teamene' }).click();

  const view = page.getByRole('article', { name: 'Fælles forberedelsestid i teamene' });
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Fælles forberedelsestid i teamene');
  await expect(view).toContainText(/TRIO · TRIO-møde \w+ · \w+dag den \d+\. \w+ \d{4} · Punkt 4/);
  await expect(view).toContainText('Den fælles forberedelsestid ligger tirsdag kl. 14.15–15.00 i alle team.');
  await expect(view.getByRole('heading', { name: 'Dissens' })).toBeVisible();
  await expect(view).toContainText('Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen');
  await expect(view.getByRole('definition').filter({ hasText: 'Grøn' })).toHaveCount(1);
  await expect(view).toContainText('Finde en løsning for pædagogernes deltagelse');
  // Read-only: nothing on the page can change the decision.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await screenshot(page, 'beslutning-kun-laesning');
  await expectAccessible(page, 'Beslutningen, kun til læsning');

  await view.getByRole('button', { name: 'Åbn mødet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^TRIO-møde/ })).toBeVisible();

  // From a row of the register: the decision, and from there the sag it is part of.
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  const register = page.getByRole('region', { name: 'Beslutningslog', exact: true });
  await register.getByRole('button', { name: /^Åbn beslutningen om Vikardækning: erfaringer fra efteråret/ }).click();
  const vikar = page.getByRole('article', { name: 'Vikardækning: erfaringer fra efteråret' });
  await expect(vikar).toContainText('Ledelsen vil samle vikartimerne hos faste vikarer.');
  await expect(vikar).toContainText('Lave et forslag til omlægning af vikardækningen');
  await vikar.getByRole('button', { name: 'Åbn sagens forløb: Vikardækning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vikardækning' })).toBeVisible();

  // Back in the archive from a decision.
  await menu(page).getByRole('button', { name: 'Arkiv' }).click();
  await register.getByRole('button', { name: /^Åbn beslutningen om Skemalægning for foråret/ }).click();
  await page.getByRole('button', { name: 'Tilbage til arkivet' }).click();
  await expect(register).toBeVisible();
});
