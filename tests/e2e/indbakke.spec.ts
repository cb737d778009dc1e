import { apiOf, expect, expectAccessible, screenshot, test } from './fixtures';
import { acceptFromInbox, openInbox, sendInputToInbox } from './sharing.steps';

const SERIES = 'Lyttemøder om arbejdstid';
const INPUT = 'Forberedelsestiden forsvinder i vikartimer.';
const TITLE = 'Forberedelsestid og vikartimer';

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
  const item = await sendInputToInbox(page, { series: SERIES, school: 'Vestskolen', forum: 'TRIO Vestskolen', title: TITLE });

  // The skoleleder's laptop: the TRIO's inbox counts it in the header and shows it in its tab.
  const lead = school.page;
  const submission = await openInbox(lead, /^TRIO TRIO Vestskolen/, { title: TITLE, text: INPUT, from: 'Kredsformand' });
  await screenshot(lead, 'indbakke-forum');
  await expectAccessible(lead, 'Forummets indbakke');

  // A decline needs a reason; the skoleleder accepts instead, onto the coming meeting.
  await submission.getByRole('button', { name: `Afvis: ${TITLE}` }).click();
  const decline = lead.getByRole('dialog', { name: 'Afvis input fra indbakken' });
  await decline.getByRole('button', { name: 'Afvis og send begrundelsen' }).click();
  await expect(decline.getByRole('alert')).toContainText('Begrundelsen');
  await decline.getByRole('button', { name: 'Annullér' }).click();
  await acceptFromInbox(lead, submission, TITLE, String(meeting['id']));
  await expect(submission).toContainText(`Optaget på dagsordenen 12. jan. 2027 som «${TITLE}»`);

  // The answer reaches the kredsformand's laptop.
  await expect(item.getByText('Optaget på dagsordenen i TRIO Vestskolen 12. jan. 2027')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'indbakke-svar-hos-afsender');
});
