import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { menu, selectItem } from './thin-slice.steps';

const TRIO_MEETING = 'TRIO-møde januar';
const OPEN_ITEM = 'Vikardækning i udskolingen';
const CLOSED_ITEM = 'En kollegas sygefravær';
const PROPOSED = 'Vikardækning: de samme lærere hver gang';

/**
 * Two laptops on the kommune's server: the skoleleder's (the school's shared TRIO) and the skolechef's (the
 * praksisforum, shared as its own forum). The skoleleder proposes a TRIO item to the praksisforum from the
 * item itself, the skolechef puts it on the praksisforum's coming meeting from its inbox, and the TRIO's item
 * says so. A confidential item is not offered. Joining, sharing and the agendas are set up through the API.
 */
test('et punkt fra TRIO’en foreslås til praksisforum, optages på dets møde, og TRIO’en ser svaret på punktet', async ({ sharingServer, laptops }) => {
  test.setTimeout(240_000);
  const school = await laptops.open();
  const schoolApi = apiOf(school.page, school.harness.url);
  await schoolApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skoleleder') });
  const trio = await schoolApi('forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
  const meeting = await schoolApi('meetings.create', { forumId: trio['id'], title: TRIO_MEETING, startsAt: '2027-01-12T14:00', durationMinutes: 90 });
  const background = 'Timerne dækkes af de samme få lærere, og forberedelsen forsvinder.';
  await schoolApi('agenda.addItem', { meetingId: meeting['id'], title: OPEN_ITEM, type: 'droeftelse', minutes: 20, background });
  await schoolApi('agenda.addItem', { meetingId: meeting['id'], title: CLOSED_ITEM, type: 'orientering', minutes: 10, confidential: true });
  await schoolApi('sync.shareForum', { forumId: trio['id'], serverAddress: sharingServer.address });

  const chef = await laptops.open();
  const chefApi = apiOf(chef.page, chef.harness.url);
  await chefApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skolechef') });
  const praksis = await chefApi('forums.create', { kind: 'praksisforum', name: 'Praksisforum Vestskolen', school: 'Vestskolen' });
  const praksisMeeting = await chefApi('meetings.create', { forumId: praksis['id'], title: 'Praksisforum januar', startsAt: '2027-01-14T15:00', durationMinutes: 90 });
  await chefApi('sync.shareForum', { forumId: praksis['id'], serverAddress: sharingServer.address });

  // The skoleleder opens the TRIO's meeting: the confidential item is not offered, the open one is.
  const page = school.page;
  await menu(page).getByRole('button', { name: 'Møder', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(TRIO_MEETING) }).click();
  const closed = (await selectItem(page, CLOSED_ITEM)).getByRole('region', { name: 'Foreslå til praksisforum' });
  await expect(closed).toContainText('Et lukket punkt kan ikke foreslås til praksisforum');
  await expect(closed.getByRole('button')).toHaveCount(0);
  const proposal = (await selectItem(page, OPEN_ITEM)).getByRole('region', { name: 'Foreslå til praksisforum' });
  await proposal.getByRole('button', { name: 'Foreslå til praksisforum' }).click();
  const dialog = page.getByRole('dialog', { name: 'Foreslå punktet til praksisforum' });
  // Only the kommune's praksisforum is offered (not the TRIO itself), once the server holds its index.
  await expect(dialog.getByLabel('Praksisforum').locator('option')).toHaveText(['Praksisforum Vestskolen · indbakke'], { timeout: 30_000 });
  await expect(dialog.getByLabel('Praksisforum')).toBeFocused();
  await expect(dialog.getByLabel('Titel i forslaget')).toHaveValue(OPEN_ITEM);
  await expect(dialog.getByLabel('Tekst i forslaget')).toHaveValue(background);
  await expect(dialog).toContainText('skriv aldrig noget fortroligt');
  // An empty title is refused at the field, in Danish; nothing is sent.
  await dialog.getByLabel('Titel i forslaget').fill('');
  await dialog.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(dialog.getByLabel('Titel i forslaget')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText('Titlen');
  await dialog.getByLabel('Titel i forslaget').fill(PROPOSED);
  await screenshot(page, 'praksisforslag-dialog');
  await expectAccessible(page, 'Foreslå punktet til praksisforum');
  await dialog.getByLabel('Titel i forslaget').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(proposal).toContainText(/Foreslået til Praksisforum Vestskolen \d+\. \p{L}+\.? \d{4} – afventer svar/u);

  // The skolechef's laptop: the proposal is in the praksisforum's inbox, and goes onto its coming meeting.
  const lead = chef.page;
  await menu(lead).getByRole('button', { name: 'Fora' }).click();
  await lead.getByRole('button', { name: /^Praksisforum Praksisforum Vestskolen/ }).click();
  await expect(lead.getByRole('button', { name: '1 ubesvaret input i indbakken' })).toBeVisible({ timeout: 30_000 });
  await lead.getByRole('tab', { name: 'Indbakke (1)' }).click();
  const inbox = lead.getByRole('tabpanel', { name: /^Indbakke/ });
  const submission = inbox.getByRole('listitem', { name: PROPOSED });
  await expect(submission).toContainText('Et punkt fra TRIO Vestskolen på Vestskolen (mødet 12. januar 2027).');
  await expect(submission).toContainText(background);
  await expect(submission).toContainText('Fra Skoleleder');
  await expect(inbox).not.toContainText(CLOSED_ITEM);
  await submission.getByRole('button', { name: `Sæt på dagsordenen: ${PROPOSED}` }).click();
  const accept = lead.getByRole('dialog', { name: 'Sæt input fra indbakken på dagsordenen' });
  await expect(accept.getByLabel('Kommende møde')).toHaveValue(String(praksisMeeting['id']));
  await accept.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
  await expect(accept).toHaveCount(0);
  await expect(submission).toContainText(`Optaget på dagsordenen 14. jan. 2027 som «${PROPOSED}»`);

  // The answer reaches the TRIO's item on the skoleleder's laptop.
  await expect(proposal).toContainText('– optaget på mødet d. 14. jan. 2027', { timeout: 30_000 });
  await expect(proposal.getByRole('button')).toHaveCount(0);
  await screenshot(page, 'praksisforslag-svar-paa-punktet');
  await expectAccessible(page, 'TRIO’ens punkt med praksisforummets svar');
});
