import { apiOf, expect, expectAccessible, screenshot, test, type Api } from './fixtures';
import { capture, captureField, planVisit } from './lyttemoeder.steps';
import { menu } from './thin-slice.steps';
import type { Page } from '@playwright/test';

/**
 * Every line on the lyttemøde screens follows what is removed, at once and without a reload: here, and
 * when another window (the visitor's colleague, the secretary) removes it. `api` is that other window.
 */

const SERIES = 'Lyttemøder om arbejdstid 2026-27';

async function newSeries(api: Api): Promise<{ seriesId: string; heldId: string }> {
  const series = await api('listening.createSeries', {
    title: SERIES,
    purpose: 'At høre, hvordan arbejdstidsaftalen virker i hverdagen.',
    visitors: 'Kredsformanden og skolechefen',
  });
  const held = await api('listening.planMeeting', {
    seriesId: series.id,
    school: 'Egeskolen',
    date: '2026-11-03',
    startTime: '14:30',
    teacherGroup: 'Indskolingens lærere',
  });
  return { seriesId: String(series.id), heldId: String(held.id) };
}

/** A lyttemøde of the series, found as another window would find it: by its school. */
async function visitId(api: Api, school: string): Promise<string> {
  const list = (await api('listening.listSeries', {})) as unknown as { id: string; title: string }[];
  const seriesId = list.find((s) => s.title === SERIES)?.id;
  const detail = (await api('listening.getSeries', { seriesId })) as { meetings: { id: string; school: string }[] };
  return detail.meetings.find((m) => m.school === school)?.id ?? '';
}

async function openSeries(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await page.getByRole('button', { name: new RegExp(SERIES) }).click();
  await expect(page.getByRole('heading', { level: 1, name: SERIES })).toBeVisible();
}

test('lytteskærmen: statuslinjen og antallet følger en sletning, også fra et andet vindue', async ({ page, harness }) => {
  await page.goto(harness.url);
  const api = apiOf(page, harness.url);
  await newSeries(api);
  await openSeries(page);
  await page.getByRole('row', { name: /Egeskolen/ }).getByRole('button', { name: /^Lyt/ }).click();

  await capture(page, 'Vi når ikke at forberede os ordentligt #forberedelse #tid', 1);
  await capture(page, 'Vikardækningen tager vores tid #vikarer', 2);
  await capture(page, 'En linje der blev skrevet ved en fejl', 3);
  const status = page.getByRole('status');
  await expect(status).toHaveText('Gemt. 3 input i alt.');

  // The slip is deleted: the status line says so and counts what is left.
  const captured = page.getByRole('region', { name: /Hørt indtil nu/ });
  await captured.getByRole('button', { name: 'Slet input 3' }).click();
  await captured.getByRole('button', { name: 'Ja, slet' }).click();
  await expect(status).toHaveText('Input 3 er slettet. 2 input i alt.');
  await expect(captured.getByRole('heading')).toContainText('(2 input)');
  await expect(page.locator('.capture-count')).toHaveText('2 input');
  await expect(captureField(page)).toBeFocused();
  await screenshot(page, 'lyttemoeder-slettet-input');
  await expectAccessible(page, 'Lyttemøder: lytning efter en sletning');

  // Another window deletes the first input: the count on this screen, and in its status line, follows.
  const first = (await api('listening.getMeeting', { meetingId: await visitId(api, 'Egeskolen') })) as { inputs: { id: string }[] };
  await api('listening.removeInput', { inputId: first.inputs[0]?.id });
  await expect(captured.getByRole('heading')).toContainText('(1 input)');
  await expect(status).toHaveText('Input 3 er slettet. 1 input i alt.');

  // The next line counts from what is there now.
  await capture(page, 'Teammøderne bliver aflyst, når der mangler vikarer #vikarer', 2);
  await expect(status).toHaveText('Gemt. 2 input i alt.');
});

test('serien: en besked om et lyttemøde går med mødet, og serielisten følger', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  const api = apiOf(page, harness.url);
  const { heldId } = await newSeries(api);
  await api('listening.addInput', { meetingId: heldId, text: 'Opgaveoversigten kommer for sent', isQuote: false, themes: ['arbejdstid'] });
  await api('listening.markHeld', { meetingId: heldId, held: true, participantCount: 12 });
  await openSeries(page);

  // Planned, then removed here: only the removal is left to read.
  const planForm = page.getByRole('form', { name: 'Planlæg lyttemøde' });
  const meetings = page.getByRole('region', { name: 'Lyttemøderne' });
  const lindeskolen = { school: 'Lindeskolen', date: '2027-03-16', time: '14:00', group: 'Udskolingens lærere', participants: 0, inputs: [] };
  await planVisit(page, lindeskolen);
  await page.getByRole('row', { name: /Lindeskolen/ }).getByRole('button', { name: /^Fjern/ }).click();
  await page.getByRole('dialog', { name: 'Fjern lyttemødet?' }).getByRole('button', { name: 'Ja, fjern lyttemødet' }).click();
  await expect(meetings.getByRole('status')).toHaveText('Lyttemødet på Lindeskolen 16. mar. 2027 er fjernet.');
  await expect(planForm.getByRole('status')).toHaveCount(0);
  await expect(page.getByText('Lyttemødet på Lindeskolen er planlagt.')).toHaveCount(0);
  await screenshot(page, 'lyttemoeder-planlagt-og-fjernet');
  await expectAccessible(page, 'Lyttemøder: et planlagt møde fjernet');

  // Planned again, and removed by another window: the row and the message go together.
  await planVisit(page, lindeskolen);
  await api('listening.removeMeeting', { meetingId: await visitId(api, 'Lindeskolen') });
  await expect(page.getByRole('row', { name: /Lindeskolen/ })).toHaveCount(0);
  await expect(planForm.getByRole('status')).toHaveCount(0);

  // Moved here, removed elsewhere: «er gemt» about a lyttemøde that is gone is not left standing.
  await planVisit(page, { ...lindeskolen, school: 'Kildeskolen', date: '2027-04-13' });
  await expect(planForm.getByRole('status')).toHaveText('Lyttemødet på Kildeskolen er planlagt.');
  await page.getByRole('row', { name: /Kildeskolen/ }).getByRole('button', { name: /^Ret/ }).click();
  const edit = page.getByRole('dialog', { name: 'Ret lyttemødet på Kildeskolen' });
  await edit.getByLabel('Dato').fill('2027-04-20');
  await edit.getByRole('button', { name: 'Gem ændringerne' }).click();
  await expect(meetings.getByRole('status')).toHaveText('Lyttemødet på Kildeskolen 20. apr. 2027 er gemt.');
  await api('listening.removeMeeting', { meetingId: await visitId(api, 'Kildeskolen') });
  await expect(page.getByRole('row', { name: /Kildeskolen/ })).toHaveCount(0);
  await expect(meetings.getByRole('status')).toHaveCount(0);
  await expect(planForm.getByRole('status')).toHaveCount(0);

  // The series list counts what is left.
  await page.getByRole('navigation', { name: 'Brødkrumme' }).getByRole('button', { name: 'Alle serier' }).click();
  const card = page.getByRole('button', { name: new RegExp(SERIES) });
  await expect(card).toContainText('Egeskolen');
  await expect(card).not.toContainText('Kildeskolen');
  await expect(card).toContainText('1 afholdt · 0 planlagte · Ingen kommende møder');
});

test('sendt videre: «Sendt til» følger et flyttet møde og et fjernet punkt på sortering og temaoversigt', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await page.goto(harness.url);
  const api = apiOf(page, harness.url);
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO Egeskolen', school: 'Egeskolen' });
  const trio = await api('meetings.create', { forumId: forum.id, title: 'TRIO-møde januar', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
  const { heldId } = await newSeries(api);
  const input = await api('listening.addInput', { meetingId: heldId, text: 'Vikardækningen tager vores forberedelsestid', isQuote: false, themes: ['vikarer'] });
  await api('listening.markHeld', { meetingId: heldId, held: true, participantCount: 12 });
  await api('listening.sortInput', { inputId: input.id, destination: 'kommune_kreds' });
  const sent = (await api('listening.sendInput', {
    inputId: input.id,
    meetingId: trio.id,
    title: 'Vikardækning og forberedelsestid',
    type: 'droeftelse',
    announcedColour: null,
    minutes: 15,
  })) as { sentTo: { itemId: string } };

  await openSeries(page);
  await page.getByRole('row', { name: /Egeskolen/ }).getByRole('button', { name: /^Sortér/ }).click();
  const item = page.getByRole('listitem', { name: 'Input 1', exact: true });
  await expect(item.getByRole('button', { name: 'Sendt til TRIO Egeskolen · 12. jan. 2027' })).toBeVisible();

  // The TRIO moves its meeting a week in another window: the line shows the new date.
  await api('meetings.update', { meetingId: trio.id, title: 'TRIO-møde januar', startsAt: '2027-01-19T14:00', durationMinutes: 90 });
  await expect(item.getByRole('button', { name: 'Sendt til TRIO Egeskolen · 19. jan. 2027' })).toBeVisible();

  // The theme overview says the same.
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await page.getByRole('table').getByRole('button', { name: /vikarer/ }).click();
  const sentInOverview = page.getByRole('table').getByRole('button', { name: /^Sendt til TRIO Egeskolen/ });
  await expect(sentInOverview).toHaveText('Sendt til TRIO Egeskolen · 19. jan. 2027');
  await screenshot(page, 'lyttemoeder-sendt-flyttet');

  // The item is taken off the TRIO's agenda: the input can be sent on again, on both screens.
  await api('agenda.removeItem', { itemId: sent.sentTo.itemId });
  await expect(sentInOverview).toHaveCount(0);
  await page.getByRole('button', { name: /Egeskolen · 3\. nov\. 2026/ }).click();
  await expect(item.getByRole('button', { name: 'Send videre: Input 1' })).toBeVisible();
  await expect(item.getByRole('button', { name: /^Sendt til/ })).toHaveCount(0);
  await expectAccessible(page, 'Lyttemøder: sortering efter et fjernet punkt');
});

test('demoens serie: et tema fjernet fra et input tælles ned i serien og temaoversigten, og serien går med demoen', async ({ page, demoHarness }) => {
  test.setTimeout(90_000);
  const demoSeries = 'Lyttemøder om arbejdstid (demo)';
  await page.goto(demoHarness.url);
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  const card = page.getByRole('button', { name: new RegExp(demoSeries.replace(/[()]/g, '\\$&')) });
  await expect(card).toContainText('1 afholdt · 1 planlagt · Næste:');
  await card.click();
  const themes = page.getByRole('region', { name: 'Temaer' });
  await expect(themes.getByRole('listitem').filter({ hasText: '#Vikardækning' })).toContainText('2 input');

  // While sorting, «Vikardækning» is taken off the input about team meetings.
  await page.getByRole('row', { name: /Bøgely Skole/ }).getByRole('button', { name: /^Sortér/ }).click();
  const teamInput = page.getByRole('listitem', { name: 'Input 3', exact: true });
  await teamInput.getByRole('button', { name: 'Fjern temaet Vikardækning' }).click();
  await expect(teamInput.getByRole('list', { name: 'Temaer' })).not.toContainText('Vikardækning');
  await page.getByRole('navigation', { name: 'Brødkrumme' }).getByRole('button', { name: demoSeries }).click();
  await expect(themes.getByRole('listitem').filter({ hasText: '#Vikardækning' })).toContainText('1 input');
  await page.getByRole('button', { name: 'Se temaoversigten' }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /^▸?\s*Vikardækning/ })).toContainText('1 input');

  // The demo goes, and its series with it; the question says so first.
  await menu(page).getByRole('button', { name: 'Fora' }).click();
  await page.getByRole('main').getByRole('button', { name: /Bøgely Skole/ }).click();
  await page.getByRole('button', { name: 'Fjern demoen' }).click();
  await expect(page.getByText(/demoens serie af lyttemøder slettes/)).toBeVisible();
  await page.getByRole('button', { name: 'Ja, fjern demoen' }).click();
  await expect(page.getByText(/Der er endnu ingen fora/)).toBeVisible();
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await expect(page.getByText('Der er ingen serier af lyttemøder endnu. Opret den første.')).toBeVisible();
  await expect(page.getByRole('button', { name: /\(demo\)/ })).toHaveCount(0);
});
