import { apiOf, expect, expectAccessible, screenshot, startMeeting, test as base } from './fixtures';
import { startKommune, personLaptopsIn, type Kommune, type PersonLaptops } from './kommune';
import { addLateItem, approveReferat, consentToLateItem, expectFollowing, followMeeting, goToItem, openInbox, acceptFromInbox, referatPanel, sendInputToInbox, syncLine } from './sharing.steps';
import { agendaRow, menu, selectItem } from './thin-slice.steps';
import { addClosedItem, inviteAndJoin, openMeeting, prepareInParallel, shareTrio, signIn, signInAgain, TRIO, TRIO_PEOPLE } from './trio.steps';

/**
 * The TRIO on three laptops and a kredsformand on a fourth, against one server configured with a real
 * OpenID provider: every person signs in through the provider's own login page, and everything after that is
 * done as that person. Each laptop is a harness with its own archive and sync folder in its own browser context.
 */
const test = base.extend<{ kommune: Kommune; people: PersonLaptops }>({
  // eslint-disable-next-line no-empty-pattern
  kommune: async ({}, use) => {
    const kommune = await startKommune();
    await use(kommune);
    await kommune.stop();
  },
  people: async ({ browser, locale, timezoneId, viewport }, use) => {
    const people = personLaptopsIn(browser, { locale, timezoneId, viewport });
    await use(people);
    await people.closeAll();
  },
});

const SKOLELEDER_ITEM = 'Budget for kompetenceudvikling';
const TR_ITEM = 'Opgaveoversigter til næste skoleår';
const CLOSED_ITEM = 'Sygefravær i indskolingen';
const CLOSED_BACKGROUND = 'Tre kolleger i indskolingen har været sygemeldt i over en måned.';
const LATE_ITEM = 'Ny vikarordning fra marts';
const SERIES = 'Lyttemøder om arbejdstid';
const INPUT = 'Forberedelsestiden forsvinder i vikartimer.';
const INPUT_TITLE = 'Forberedelsestid og vikartimer';
const [METTE, JONAS, SARA] = [TRIO_PEOPLE.skoleleder[0], TRIO_PEOPLE.tr[0], TRIO_PEOPLE.amr[0]];

test('TRIO på tre bærbare og en kredsformand på en fjerde, alle logget ind med kommunens login', async ({ kommune, people }) => {
  // Four laptops, a server and a provider on a 2-core machine: about 2 minutes, 8 when the machine is loaded.
  test.setTimeout(900_000);
  const open = (login: string) => people.open(login, kommune.provider.nameOf(login));
  const skoleleder = await open('skoleleder');
  const tr = await open('tr');
  const amr = await open('amr');
  const kredsformand = await open('kredsformand');

  await test.step('alle fire logger ind gennem udbyderens login-side', async () => {
    await signIn(skoleleder, kommune, async (page, state) => {
      await screenshot(page, `trio-login-${state.replaceAll(' ', '-')}`);
      await expectAccessible(page, `Kommunens login: ${state}`);
    });
    await screenshot(skoleleder.page, 'trio-logget-ind');
    await expectAccessible(skoleleder.page, 'Kommunens login: logget ind');
    for (const person of [tr, amr, kredsformand]) await signIn(person, kommune);
  });

  let forumId = '';
  await test.step('skolelederen deler TRIO og inviterer TR og AMR, som indløser koderne, mens de er logget ind', async () => {
    forumId = await shareTrio(skoleleder, kommune);
    await inviteAndJoin(skoleleder, tr, kommune, 'Tillidsrepræsentant', TRIO_PEOPLE.tr);
    await inviteAndJoin(skoleleder, amr, kommune, 'Arbejdsmiljørepræsentant', TRIO_PEOPLE.amr);
    // The server lists each as the person who signed in, not as the name on the invitation.
    await menu(tr.page).getByRole('button', { name: 'Indstillinger' }).click();
    const servers = tr.page.getByRole('region', { name: 'Delingsservere' });
    await expect(servers.getByRole('group', { name: `Kommunens login på ${kommune.address}` }).getByRole('status')).toHaveText(`Logget ind som ${tr.name}`);
    await screenshot(tr.page, 'trio-indstillinger-logget-ind');
    await expectAccessible(tr.page, 'Indstillinger: logget ind med kommunens login');
  });

  await test.step('skolelederen og TR forbereder dagsordenen samtidig og ser hinandens punkter', async () => {
    const delays = await prepareInParallel(skoleleder, tr, [SKOLELEDER_ITEM, TR_ITEM]);
    // The line the note quotes: from the author's «Punktet … er tilføjet» to the row on the other's screen.
    console.log(`MÅLING trio ændring-til-andres-skærm ms=${delays.join(',')} (skoleleder→TR, TR→skoleleder)`);
    await openMeeting(amr.page);
    for (const title of [SKOLELEDER_ITEM, TR_ITEM]) await expect(agendaRow(amr.page, title)).toBeVisible({ timeout: 30_000 });

    // A closed item: as a member the AMR reads its background on their own laptop. The item and its
    // confidential background arrive in two documents: the editor is opened again until both are there.
    await addClosedItem(skoleleder, CLOSED_ITEM, CLOSED_BACKGROUND);
    await expect(async () => {
      await openMeeting(amr.page);
      const editor = await selectItem(amr.page, CLOSED_ITEM);
      await expect(editor.getByLabel('Baggrund')).toHaveValue(CLOSED_BACKGROUND, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  });

  await test.step('administratoren afslutter TR-ens login; TR logger ind igen under forummet og er i takt igen', async () => {
    await kommune.endSignIn(forumId, tr.name);
    await signInAgain(tr, async (page) => {
      await expect(syncLine(page)).toHaveText('Login udløbet');
      await screenshot(page, 'trio-login-afsluttet');
      await expectAccessible(page, 'Forummet, når login er afsluttet');
    });
    await expect(syncLine(tr.page)).toHaveText('Forbundet', { timeout: 45_000 });
    await openMeeting(tr.page);
    for (const title of [SKOLELEDER_ITEM, TR_ITEM]) await expect(agendaRow(tr.page, title)).toBeVisible();
  });

  await test.step('skolelederen sætter et sent punkt på; TR og AMR giver samtykke på hver sin bærbar, og skolelederen ser hvem', async () => {
    await openMeeting(skoleleder.page);
    await skoleleder.page.getByRole('button', { name: 'Markér dagsordenen som sendt ud' }).click();
    await expect(skoleleder.page.getByText(/^Dagsordenen blev sendt ud/)).toBeVisible();
    await addLateItem(skoleleder.page, LATE_ITEM, [JONAS, SARA]);
    await consentToLateItem(tr.page, LATE_ITEM, JONAS, () => openMeeting(tr.page));
    await expect(agendaRow(skoleleder.page, LATE_ITEM)).toContainText(`Sent punkt, samtykke fra ${JONAS}, venter på ${SARA}`, { timeout: 30_000 });
    await consentToLateItem(amr.page, LATE_ITEM, SARA, () => openMeeting(amr.page));
    await expect(agendaRow(skoleleder.page, LATE_ITEM)).toContainText(new RegExp(`samtykke fra (${JONAS} og ${SARA}|${SARA} og ${JONAS})`), { timeout: 30_000 });
    await expect(agendaRow(skoleleder.page, LATE_ITEM)).not.toContainText('venter på');
    await screenshot(skoleleder.page, 'trio-samtykke-givet');
  });

  await test.step('skolelederen leder mødet på sin bærbare; TR følger med på sin, og skærmen flytter sig med', async () => {
    await openMeeting(tr.page);
    await openMeeting(skoleleder.page);
    await startMeeting(skoleleder.page);
    await goToItem(skoleleder.page, SKOLELEDER_ITEM);
    const followed = await followMeeting(tr.page, skoleleder.name);
    // Where the two items added at the same time landed is the merge's choice; the late item is last.
    await expectFollowing(followed, SKOLELEDER_ITEM, 'af 4');
    // TR cannot run the same meeting a second time, and the page says why.
    await expect(tr.page.getByRole('button', { name: /^(Start|Fortsæt) mødet$/ })).toHaveCount(0);
    await expect(tr.page.getByText(`${skoleleder.name} leder mødet fra en anden computer, så det startes ikke her.`)).toBeVisible();
    await goToItem(skoleleder.page, LATE_ITEM);
    await expectFollowing(followed, LATE_ITEM, 'Punkt 4 af 4');
    await screenshot(tr.page, 'trio-foelg-moedet');
    await expectAccessible(tr.page, 'Mødet: TR følger med');
    // The meeting ends from its check-out.
    await goToItem(skoleleder.page, 'Check-out');
    await skoleleder.page.getByRole('button', { name: 'Afslut mødet' }).click();
    await skoleleder.page.getByRole('button', { name: 'Ja, afslut' }).click();
    await expect(skoleleder.page.getByRole('heading', { level: 1, name: TRIO.meeting })).toBeVisible();
  });

  await test.step('hver af de tre godkender referatet på sin egen bærbare, og det låses på alle tre', async () => {
    await approveReferat(skoleleder.page, [], () => openMeeting(skoleleder.page));
    await approveReferat(tr.page, [METTE], () => openMeeting(tr.page));
    // The AMR's approval is the last: their laptop locks the referat, the closed item's part too.
    await approveReferat(amr.page, [METTE, JONAS], () => openMeeting(amr.page));
    for (const page of [amr.page, skoleleder.page, tr.page]) await expect(referatPanel(page)).toContainText('Godkendt og låst', { timeout: 30_000 });
    await expect(referatPanel(tr.page)).toContainText(`${SARA} (${TRIO_PEOPLE.amr[1]})`);
    await screenshot(tr.page, 'trio-referat-laast');
    await expectAccessible(tr.page, 'Referat: godkendt og låst på TR-ens bærbare');
  });

  await test.step('kredsformanden sender et input fra et lyttemøde til TRIO-ens indbakke; det optages på et kommende møde', async () => {
    // What is not the point here is set up through the API: the kredsformand's lyttemøde with its input, and the TRIO's next meeting.
    const kredsApi = apiOf(kredsformand.page, kredsformand.harness.url);
    const series = await kredsApi('listening.createSeries', { title: SERIES, visitors: 'Kredsformanden og skolechefen' });
    const visit = await kredsApi('listening.planMeeting', { seriesId: series['id'], school: TRIO.school, date: '2026-11-17', teacherGroup: 'Indskolingen' });
    await kredsApi('listening.addInput', { meetingId: visit['id'], text: INPUT, themes: ['Forberedelse'] });
    await kredsApi('listening.markHeld', { meetingId: visit['id'], held: true, participantCount: 14 });
    const next = await apiOf(skoleleder.page, skoleleder.harness.url)('meetings.create', {
      forumId,
      title: 'TRIO-møde marts',
      startsAt: '2027-03-09T14:00',
      durationMinutes: 90,
    });

    const sent = await sendInputToInbox(kredsformand.page, { series: SERIES, school: TRIO.school, forum: TRIO.name, title: INPUT_TITLE });
    const submission = await openInbox(skoleleder.page, new RegExp(`^${TRIO.name} ${TRIO.name} ${TRIO.school}`), { title: INPUT_TITLE, text: INPUT, from: kredsformand.name });
    await acceptFromInbox(skoleleder.page, submission, INPUT_TITLE, String(next['id']));
    await expect(sent.getByText(`Optaget på dagsordenen i ${TRIO.name} 9. mar. 2027`)).toBeVisible({ timeout: 30_000 });
    await screenshot(kredsformand.page, 'trio-indbakke-svar-hos-kredsformanden');
  });

  await test.step('AMR fjernes af administratoren og mister adgangen og det fortrolige', async () => {
    await kommune.removeMember(forumId, amr.name);
    await expect(syncLine(amr.page)).toHaveText('Adgang fjernet', { timeout: 30_000 });
    await expect(amr.page.getByText(/Denne computer har ikke længere adgang til forummet «TRIO»/)).toBeVisible({ timeout: 30_000 });
    await amr.page.reload();
    await openMeeting(amr.page);
    await expect(agendaRow(amr.page, SKOLELEDER_ITEM)).toBeVisible();
    await expect(agendaRow(amr.page, CLOSED_ITEM)).toHaveCount(0);
    await expect(agendaRow(amr.page, 'Lukket punkt')).toBeVisible();
    await expect(amr.page.getByText(CLOSED_BACKGROUND)).toHaveCount(0);
    await screenshot(amr.page, 'trio-amr-fjernet');
    await expectAccessible(amr.page, 'AMR efter at være fjernet fra forummet');
    // The others go on.
    for (const page of [skoleleder.page, tr.page]) await expect(syncLine(page)).toHaveText('Forbundet');
  });
});
