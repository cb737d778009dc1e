import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { menu } from './thin-slice.steps';

const SERIES = 'Lyttemøder om arbejdstid';
const INPUT = 'Forberedelsestiden forsvinder i vikartimer.';

/**
 * Two laptops on the kommune's server: the kredsformand's (a lyttemøde series of her own) and the
 * skoleleder's (the school's shared TRIO). The kredsformand sends an input to the TRIO's inbox, the
 * skoleleder puts it on a coming meeting, and the kredsformand's laptop says it was taken onto the agenda.
 * What is not the point here (joining, sharing, the series and its input) is set up through the API.
 */
test('et input fra et lyttemøde sendes til skolens indbakke, optages på dagsordenen, og afsenderen ser det', async ({ sharingServer, laptops }) => {
  test.setTimeout(240_000);
  const school = await laptops.open();
  const schoolApi = apiOf(school.page, school.harness.url);
  await schoolApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Skoleleder') });
  const trio = await schoolApi('forums.create', { kind: 'trio', name: 'TRIO Vestskolen', school: 'Vestskolen' });
  const meeting = await schoolApi('meetings.create', { forumId: trio['id'], title: 'TRIO-møde januar', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
  await schoolApi('sync.shareForum', { forumId: trio['id'], serverAddress: sharingServer.address });

  const kreds = await laptops.open();
  const kredsApi = apiOf(kreds.page, kreds.harness.url);
  await kredsApi('sync.join', { serverAddress: sharingServer.address, code: await sharingServer.inviteSharer('Kredsformand') });
  const series = await kredsApi('listening.createSeries', { title: SERIES, visitors: 'Kredsformanden og skolechefen' });
  const visit = await kredsApi('listening.planMeeting', { seriesId: series['id'], school: 'Vestskolen', date: '2026-11-10', teacherGroup: 'Udskolingen' });
  await kredsApi('listening.addInput', { meetingId: visit['id'], text: INPUT, themes: ['Forberedelse'] });
  await kredsApi('listening.markHeld', { meetingId: visit['id'], held: true, participantCount: 12 });

  // The kredsformand sorts the input and sends it on: the TRIO is among the kommune's shared forums.
  const page = kreds.page;
  await menu(page).getByRole('button', { name: 'Lyttemøder' }).click();
  await page.getByRole('button', { name: new RegExp(SERIES) }).click();
  await page.getByRole('row', { name: /Vestskolen/ }).getByRole('button', { name: /^Sortér/ }).click();
  const item = page.getByRole('listitem', { name: 'Input 1', exact: true });
  await item.getByRole('button', { name: 'Send videre: Input 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send input videre til en dagsorden' });
  const forum = dialog.getByLabel('Forum');
  await expect(forum.locator('optgroup[label^="Kommunens delte fora"] option')).toHaveText(['TRIO Vestskolen · indbakke']);
  await forum.selectOption({ label: 'TRIO Vestskolen · indbakke' });
  await expect(dialog).toContainText('send aldrig noget fortroligt');
  await dialog.getByLabel('Titel').fill('Forberedelsestid og vikartimer');
  await screenshot(page, 'indbakke-send');
  await expectAccessible(page, 'Send til en skoles indbakke');
  await dialog.getByRole('button', { name: 'Send til forummets indbakke' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByText('Sendt til TRIO Vestskolen: afventer svar')).toBeVisible();

  // The skoleleder's laptop: the TRIO's inbox counts it in the header and shows it in its tab.
  const lead = school.page;
  await menu(lead).getByRole('button', { name: 'Fora' }).click();
  await lead.getByRole('button', { name: /^TRIO TRIO Vestskolen/ }).click();
  await expect(lead.getByRole('button', { name: '1 ubesvaret input i indbakken' })).toBeVisible({ timeout: 30_000 });
  await lead.getByRole('tab', { name: 'Indbakke (1)' }).click();
  // The tab's name follows the count: «Indbakke» again once it is answered.
  const inbox = lead.getByRole('tabpanel', { name: /^Indbakke/ });
  const submission = inbox.getByRole('listitem', { name: 'Forberedelsestid og vikartimer' });
  await expect(submission).toContainText(INPUT);
  await expect(submission).toContainText('Fra Kredsformand');
  await screenshot(lead, 'indbakke-forum');
  await expectAccessible(lead, 'Forummets indbakke');

  // A decline needs a reason; the skoleleder accepts instead, onto the coming meeting.
  await submission.getByRole('button', { name: 'Afvis: Forberedelsestid og vikartimer' }).click();
  const decline = lead.getByRole('dialog', { name: 'Afvis input fra indbakken' });
  await decline.getByRole('button', { name: 'Afvis og send begrundelsen' }).click();
  await expect(decline.getByRole('alert')).toContainText('Begrundelsen');
  await decline.getByRole('button', { name: 'Annullér' }).click();
  await submission.getByRole('button', { name: 'Sæt på dagsordenen: Forberedelsestid og vikartimer' }).click();
  const accept = lead.getByRole('dialog', { name: 'Sæt input fra indbakken på dagsordenen' });
  await expect(accept.getByLabel('Kommende møde')).toHaveValue(String(meeting['id']));
  await screenshot(lead, 'indbakke-optag');
  await expectAccessible(lead, 'Sæt input fra indbakken på dagsordenen');
  await accept.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
  await expect(accept).toHaveCount(0);
  await expect(submission).toContainText('Optaget på dagsordenen 12. jan. 2027 som «Forberedelsestid og vikartimer»');
  await expect(lead.getByRole('tab', { name: 'Indbakke', exact: true })).toBeVisible();
  await expect(lead.getByRole('button', { name: /ubesvaret input i indbakken/ })).toHaveCount(0);

  // The answer reaches the kredsformand's laptop.
  await expect(item.getByText('Optaget på dagsordenen i TRIO Vestskolen 12. jan. 2027')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'indbakke-svar-hos-afsender');
});
