import { expect, expectAccessible, screenshot, test } from './fixtures';
import { readDownload } from './documents';
import { menu } from './thin-slice.steps';

test('en dagsordensejer læser det delte og det fulde referat i programmet, som de eksporteres, før hun godkender', async ({ page, demoHarness }) => {
  test.setTimeout(180_000);
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: /Afholdt/ }).click();
  const referat = page.getByRole('region', { name: 'Referat', exact: true });

  await referat.getByRole('button', { name: 'Vis referat til deling' }).click();
  const shared = referat.getByRole('article', { name: 'Referat til deling, som det eksporteres' });
  await expect(shared).toContainText('Pædagogerne kan ikke deltage tirsdag');
  await expect(shared.getByRole('heading', { name: /^\d+\. Lukket punkt$/ })).toBeVisible();
  await expect(shared).not.toContainText('Personalesag');
  await expect(shared).not.toContainText('FORTROLIGT');
  await expect(referat.getByRole('button', { name: 'Skjul referatet' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'referat-forhaandsvisning-delt');
  await expectAccessible(page, 'Referat: forhåndsvisning til deling');

  // The preview is the file: every paragraph of the downloaded document is in it, in the same order.
  // Spaces are left out on both sides: the raw text of a .docx joins a line break's two lines.
  const download = page.waitForEvent('download');
  await referat.getByRole('button', { name: 'Hent referat til deling' }).click();
  const file = await readDownload(await download);
  const shown = (await shared.innerText()).replace(/\s+/g, '');
  let from = 0;
  for (const line of file.text.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '')) {
    const at = shown.indexOf(line, from);
    expect(at, `«${line}» mangler i forhåndsvisningen`).toBeGreaterThanOrEqual(0);
    from = at;
  }

  await referat.getByRole('button', { name: 'Vis fuldt referat (fortroligt)' }).click();
  const full = referat.getByRole('article', { name: 'Fuldt referat (fortroligt), som det eksporteres' });
  await expect(full).toContainText('Personalesag i indskolingen');
  await expect(full).toContainText('FORTROLIGT');
  await expect(referat.getByText(/Vis det ikke på en fælles skærm/)).toBeVisible();
  await expectAccessible(page, 'Referat: fuld forhåndsvisning');

  // Approving changes the file, and the preview follows it.
  await referat.getByRole('button', { name: /Godkend som Mette Lund/ }).click();
  await referat.getByRole('button', { name: /Godkend som Jonas Holm/ }).click();
  await expect(referat).toContainText('Godkendt og låst');
  await expect(full).toContainText(/godkendt .* af Mette Lund \(Skoleleder\) og Jonas Holm \(TR, lærere\)/);
  await referat.getByRole('button', { name: 'Skjul referatet' }).click();
  await expect(full).toHaveCount(0);
});
