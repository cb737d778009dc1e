import { expect, expectAccessible, screenshot, test } from './fixtures';
import { readDownload } from './documents';
import { capture, captureField, planVisit, sortAll, type PlannedVisit } from './lyttemoeder.steps';
import { agendaRow, createForum, menu, selectItem } from './thin-slice.steps';

const SERIES = 'Lyttemøder efteråret 2026';
const TRIO_MEETING = 'TRIO-møde januar';
const TRIO_MEMBERS = ['Mette Lund', 'Jonas Holm'];
/** A slip the visitors make while writing; the archive must refuse it. */
const TRIED_NAME = 'Mette Lund';
/** No feedback letter may carry any of these: the TRIO's people and the name tried at the meeting. */
const NAMES = [...TRIO_MEMBERS, TRIED_NAME, 'Mette', 'Jonas'];

const VISITS: PlannedVisit[] = [
  {
    school: 'Egeskolen',
    date: '2026-11-03',
    time: '14:30',
    group: 'Indskolingens lærere',
    participants: 14,
    inputs: [
      { line: 'Vi når ikke at forberede os ordentligt #forberedelse #tid', sort: 'S' },
      { line: '»Vi løber stærkere hver måned« #tid', sort: 'K' },
      { line: 'Der mangler hjælp til elever med særlige behov #inklusion', sort: 'K' },
      { line: 'Teammøderne bruges til drift i stedet for faglighed #teamsamarbejde', sort: 'S' },
      { line: 'Vi savner, at ledelsen kommer ud i klasserne #ledelse', sort: 'S', altQuote: true },
      { line: 'Vikardækningen tager vores #tid til forberedelse #vikarer', sort: 'K' },
      { line: 'Inklusionen lykkes, når vi er to voksne i klassen #inklusion #tolærer', sort: 'P' },
    ],
  },
  {
    school: 'Bøgeskolen',
    date: '2026-11-10',
    time: '15:00',
    group: 'Mellemtrinnets lærere',
    participants: 11,
    inputs: [
      { line: 'Skemaet ændres for ofte #skemalægning #tid', sort: 'S' },
      { line: '"Vi har ingen tid til at tale med kollegerne" #tid #teamsamarbejde', sort: 'S' },
      { line: 'For mange elever i hver klasse #inklusion', sort: 'K' },
      { line: 'Det er svært at skaffe vikarer #vikarer', sort: 'K' },
      { line: 'Forældresamarbejdet fylder meget om aftenen #forældresamarbejde_og_kommunikation_med_hjemmet', sort: 'P' },
      { line: 'Vi ønsker efteruddannelse i læsning #kompetencer', sort: 'K' },
      { line: 'Lokalerne er for små til holddeling #lokaler', sort: 'S' },
    ],
  },
  {
    school: 'Lindeskolen',
    date: '2026-11-17',
    time: '14:00',
    group: 'Udskolingens lærere',
    participants: 9,
    inputs: [
      { line: 'Vi skal have mere tid til forberedelse #forberedelse #tid', sort: 'K' },
      { line: '„Vi føler os ikke hørt, når skemaet lægges“ #ledelse', sort: 'S' },
      { line: 'Inklusionsmidlerne rækker ikke #inklusion', sort: 'K' },
      { line: 'IT-systemerne driller hver dag #it', sort: 'P' },
      { line: 'Gode erfaringer med faste teams #teamsamarbejde', sort: 'S' },
      { line: 'Ingen ro til at planlægge undervisningen #tid', sort: 'S' },
    ],
  },
];

test('lyttemøder på tre skoler: 20 input fanges, sorteres, ses i temaoversigten, sendes til TRIO og meldes tilbage', async ({ page, harness, browser }) => {
  test.setTimeout(240_000);
  expect(VISITS.reduce((n, v) => n + v.inputs.length, 0)).toBe(20);
  await page.goto(harness.url);

  // Egeskolen's TRIO with its people and a coming meeting, to send an input to later.
  await createForum(page, 'TRIO', 'Egeskolen');
  await page.getByRole('tab', { name: 'Roller' }).click();
  const addPerson = page.getByRole('form', { name: 'Tilføj person' });
  for (const [name, role] of [
    [TRIO_MEMBERS[0], 'Skoleleder'],
    [TRIO_MEMBERS[1], 'TR (lærere)'],
  ] as const) {
    await addPerson.getByLabel('Navn').fill(name ?? '');
    await addPerson.getByLabel('Rolle (kasket)').fill(role);
    await addPerson.getByLabel('Har rollen fra').fill('2026-08-01');
    await addPerson.getByRole('button', { name: 'Tilføj person' }).click();
    await expect(page.getByRole('region', { name: 'Nuværende roller' })).toContainText(name ?? '');
  }
  await page.getByRole('tab', { name: 'Overblik' }).click();
  await page.getByLabel('Start med forummets standarddagsorden').uncheck();
  const meetingForm = page.getByRole('form', { name: 'Opret møde' });
  await meetingForm.getByLabel('Mødets titel').fill(TRIO_MEETING);
  await meetingForm.getByLabel('Start').fill('2027-01-12T14:00');
  await meetingForm.getByLabel('Længde i minutter').fill('90');
  await meetingForm.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRIO_MEETING })).toBeVisible();

  // The series and its three visits.
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  const seriesForm = page.getByRole('form', { name: 'Ny serie' });
  await seriesForm.getByRole('button', { name: 'Opret serien' }).click();
  await expect(seriesForm.getByText(/Seriens titel skal udfyldes/)).toBeVisible();
  await expect(seriesForm.getByLabel('Seriens titel')).toBeFocused();
  await seriesForm.getByLabel('Seriens titel').fill(SERIES);
  await seriesForm.getByLabel('Formål').fill('At høre, hvad der fylder i lærernes hverdag, før budgettet lægges.');
  await seriesForm.getByLabel('Besøgende').fill('Kredsformanden og skolechefen');
  await seriesForm.getByRole('button', { name: 'Opret serien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SERIES })).toBeVisible();
  for (const visit of VISITS) await planVisit(page, visit);
  const meetings = page.getByRole('table');
  await expect(meetings.getByRole('row')).toHaveCount(4);
  await expect(meetings.getByRole('row').nth(1)).toContainText('Egeskolen');
  await expect(meetings.getByRole('row').nth(3)).toContainText('Lindeskolen');
  await screenshot(page, 'lyttemoeder-serie');
  await expectAccessible(page, 'Lyttemøder: serien');

  for (const [v, visit] of VISITS.entries()) {
    await page.getByRole('row', { name: new RegExp(visit.school) }).getByRole('button', { name: /^Lyt/ }).click();
    await expect(page.getByRole('heading', { name: 'Vi er her for at lytte' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${visit.school} · ${visit.group}`);

    if (v === 0) {
      // A name slips into the line: refused in Danish at the field, and the line stays to be rewritten.
      await captureField(page).fill(`${TRIED_NAME} siger, at tilsynet er skævt fordelt #tilsyn`);
      await captureField(page).press('Enter');
      await expect(page.getByRole('alert')).toContainText(`Inputtet ser ud til at indeholde et navn («${TRIED_NAME}»)`);
      await expect(captureField(page)).toHaveValue(/tilsynet er skævt fordelt/);
      await captureField(page).fill('#tid #forberedelse');
      await captureField(page).press('Enter');
      await expect(page.getByRole('alert')).toHaveText(/Linjen har kun temaer/);
      await captureField(page).fill('');
    }

    for (const [i, input] of visit.inputs.entries()) await capture(page, input.line, i + 1, input.altQuote);
    // With inputs, the opening is one line: on a laptop the room sees the line, the count and the newest input.
    await expect(page.getByRole('button', { name: 'Vis indledningen' })).toBeVisible();
    await expect(page.getByText('Bagefter sorterer vi hvert input')).toBeHidden();

    if (v === 0) {
      const captured = page.getByRole('region', { name: /Hørt indtil nu/ });
      // A slip is deleted and a line corrected, with the same rules as at capture.
      await capture(page, 'En linje der blev skrevet ved en fejl', visit.inputs.length + 1);
      await captured.getByRole('button', { name: `Slet input ${visit.inputs.length + 1}` }).click();
      await captured.getByRole('button', { name: 'Ja, slet' }).click();
      await expect(captured.getByRole('heading')).toContainText(`(${visit.inputs.length} input)`);
      await expect(captureField(page)).toBeFocused();
      await captured.getByRole('button', { name: 'Ret input 4' }).click();
      const correction = captured.getByRole('form', { name: 'Ret input 4' });
      await correction.getByLabel('Ret input 4').fill('Teammøderne bruges til drift frem for faglighed');
      await correction.getByRole('button', { name: 'Gem' }).click();
      await expect(captured).toContainText('Teammøderne bruges til drift frem for faglighed');
      await expect(captured).not.toContainText('En linje der blev skrevet ved en fejl');
      await expect(captured).toContainText('»Vi løber stærkere hver måned«');
      await expect(captured).toContainText('Vikardækningen tager vores tid til forberedelse');
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.evaluate('window.scrollTo(0, 0)');
      await expect(captureField(page)).toBeInViewport();
      await expect(page.getByRole('heading', { name: /Hørt indtil nu/ })).toBeInViewport();
      await expect(captured.getByRole('listitem').first()).toBeInViewport();
      await screenshot(page, 'lyttemoeder-lytning');
      // Shown by hand, the opening stays open for this meeting, also with more inputs.
      await page.getByRole('button', { name: 'Vis indledningen' }).click();
      await captureField(page).focus();
      await capture(page, 'Skemaerne kommer for sent #skemalægning', visit.inputs.length + 1);
      await expect(page.getByText('Bagefter sorterer vi hvert input')).toBeVisible();
      await page.getByRole('button', { name: 'Skjul indledningen' }).click();
      await captured.getByRole('button', { name: `Slet input ${visit.inputs.length + 1}` }).click();
      await captured.getByRole('button', { name: 'Ja, slet' }).click();
      await expect(captured.getByRole('heading')).toContainText(`(${visit.inputs.length} input)`);
      await expectAccessible(page, 'Lyttemøder: lytning');
    }

    await page.getByLabel('Antal deltagere (valgfrit)').fill(String(visit.participants));
    await page.getByRole('button', { name: 'Afslut lyttemødet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sortér det hørte' })).toBeVisible();
    // The sorting starts at its top, not where the listening screen was scrolled to.
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    await sortAll(page, visit);

    if (v === 0) {
      const item = page.getByRole('listitem', { name: 'Input 3', exact: true });
      await item.getByLabel('Note (valgfri)').fill('Tages op ved budgetdrøftelsen');
      await item.getByRole('button', { name: 'Gem note' }).click();
      await expect(item.getByRole('status')).toHaveText('Noten er gemt.');
      await item.getByLabel('Nyt tema til input 3').fill('trivsel');
      await item.getByRole('button', { name: 'Tilføj tema' }).click();
      await expect(item.getByRole('list', { name: 'Temaer' })).toContainText('#trivsel');
      await screenshot(page, 'lyttemoeder-sortering');
      await expectAccessible(page, 'Lyttemøder: sortering');
    }
    await page.getByRole('navigation', { name: 'Brødkrumme' }).getByRole('button', { name: SERIES }).click();
    await expect(page.getByRole('row', { name: new RegExp(visit.school) })).toContainText(`${visit.inputs.length} af ${visit.inputs.length}`);
  }

  // Across the series: "tid" came up at all three schools.
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Temaoversigt' })).toBeVisible();
  const chart = page.getByRole('table');
  const tid = chart.getByRole('row', { name: /^▸?\s*tid/ });
  await expect(tid).toContainText('3 af 3 skoler');
  await expect(tid).toContainText('3 input på Egeskolen');
  await expect(chart.getByRole('row', { name: /^inklusion/ }).first()).toContainText('3 af 3 skoler');
  await expect(chart.getByRole('row', { name: /^vikarer/ }).first()).toContainText('2 af 3 skoler');
  await tid.getByRole('button').press('Enter');
  await expect(tid.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await expect(chart).toContainText('Ingen ro til at planlægge undervisningen');
  await screenshot(page, 'lyttemoeder-temaoversigt');
  await expectAccessible(page, 'Lyttemøder: temaoversigt');
  // A long theme name wraps in its own cell, on a laptop and on a projector (1280×720 at 150 %, in a
  // window of its own): it never runs into the next cell, and the rows fill the table.
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });
  await projector.goto(harness.url);
  await menu(projector).getByRole('button', { name: 'Lyttemøder' }).click();
  await projector.getByRole('button', { name: new RegExp(SERIES) }).click();
  await projector.getByRole('button', { name: 'Se temaoversigten' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const [screen, name] of [
    [page, 'lyttemoeder-temaoversigt-laptop'],
    [projector, 'lyttemoeder-temaoversigt-projektor'],
  ] as const) {
    const table = screen.getByRole('table');
    const long = table.getByRole('row', { name: /^▸?\s*forældresamarbejde og kommunikation med hjemmet/ });
    await expect(long).toBeVisible();
    const nameBox = await long.locator('.theme-name').boundingBox();
    const reachBox = await long.getByRole('cell').first().boundingBox();
    const rowBox = await long.boundingBox();
    const tableBox = await table.boundingBox();
    expect(nameBox && reachBox && nameBox.x + nameBox.width <= reachBox.x, name).toBe(true);
    expect(Math.abs((rowBox?.width ?? 0) - (tableBox?.width ?? 0)), name).toBeLessThan(4);
    expect(await screen.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'), name).toBe(true);
    await screenshot(screen, name);
  }
  await projector.close();

  await page.getByLabel('Sortering').selectOption('kommune_kreds');
  await expect(tid).toContainText('2 af 3 skoler');
  await expect(chart.getByRole('row', { name: /^vikarer/ }).first()).toContainText('2 af 3 skoler');
  await page.getByLabel('Kun citater').check();
  await expect(tid).toContainText('1 af 3 skoler');
  await page.getByLabel('Sortering').selectOption('');
  await page.getByLabel('Kun citater').uncheck();
  await expect(tid).toContainText('3 af 3 skoler');

  // Egeskolen's first input goes on to its TRIO; the link works both ways.
  await page.getByRole('button', { name: /Egeskolen · 3\. nov\. 2026/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sortér det hørte' })).toBeVisible();
  const first = page.getByRole('listitem', { name: 'Input 1', exact: true });
  await first.getByRole('button', { name: 'Send videre: Input 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send input videre til en dagsorden' });
  await expect(dialog.getByLabel('Forum')).toBeFocused();
  await expect(dialog.getByLabel('Forum')).toContainText('TRIO · Egeskolen');
  await expect(dialog.getByLabel('Kommende møde')).toContainText(TRIO_MEETING);
  await expect(dialog.getByLabel('Punktets titel')).toHaveValue('Vi når ikke at forberede os ordentligt');
  await dialog.getByLabel('Type').selectOption('beslutning');
  await dialog.getByRole('button', { name: 'Send til dagsordenen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('farve');
  await dialog.getByLabel('Varslet farve').selectOption('gul');
  await dialog.getByLabel('Minutter').fill('20');
  await screenshot(page, 'lyttemoeder-send-videre');
  await expectAccessible(page, 'Lyttemøder: send videre');
  await dialog.getByRole('button', { name: 'Send til dagsordenen' }).click();
  await expect(dialog).toBeHidden();
  await expect(first.getByRole('button', { name: 'Sendt til TRIO · 12. jan. 2027' })).toBeFocused();
  await first.getByRole('button', { name: 'Sendt til TRIO · 12. jan. 2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TRIO_MEETING })).toBeVisible();
  await expect(agendaRow(page, 'Vi når ikke at forberede os ordentligt')).toBeVisible();
  const editor = await selectItem(page, 'Vi når ikke at forberede os ordentligt');
  await editor.getByRole('button', { name: 'Fra lyttemøde på Egeskolen 3. nov. 2026' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sortér det hørte' })).toBeVisible();
  await expect(page.getByText('Lyttemøde · Egeskolen · Indskolingens lærere')).toBeVisible();

  // The letter to Egeskolen: themes and what happens next, no names.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent tilbagemelding (.docx)' }).click();
  const letter = await readDownload(await download);
  expect(letter.fileName).toMatch(/\.docx$/);
  // A theme may head its section («Inklusion») or stand in one («også: forberedelse»).
  for (const theme of ['tid', 'forberedelse', 'inklusion', 'teamsamarbejde']) expect(letter.text.toLowerCase()).toContain(theme);
  expect(letter.text).toContain('Det tager skolen selv hånd om.');
  expect(letter.text).toContain('Det tager kommunen og lærerkredsen op sammen.');
  expect(letter.text).toContain('TRIO');
  expect(letter.text).toContain('Vi løber stærkere hver måned');
  for (const name of NAMES) expect(letter.allXml, `Brevet nævner «${name}»`).not.toContain(name);
});
