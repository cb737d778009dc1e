import { expect, expectAccessible, screenshot, test as base } from './fixtures';
import { startKommune, personLaptopsIn, type Kommune, type PersonLaptops } from './kommune';
import { syncLine } from './sharing.steps';
import { agendaRow, menu, selectItem } from './thin-slice.steps';
import { addClosedItem, inviteAndJoin, openMeeting, prepareInParallel, shareTrio, signIn, signInAgain, TRIO_PEOPLE } from './trio.steps';

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

test('TRIO på tre bærbare og en kredsformand på en fjerde, alle logget ind med kommunens login', async ({ kommune, people }) => {
  test.setTimeout(420_000);
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

  // Later steps slot in here: a late item and the others' consent, the forvarsel confirmed by the other side,
  // the meeting run on one laptop and followed on another, the referat approved on each laptop.

  await test.step('kredsformanden er logget ind på sin egen bærbare', async () => {
    // The lyttemøde input sent to the TRIO's inbox and accepted there slots in here.
    await menu(kredsformand.page).getByRole('button', { name: 'Indstillinger' }).click();
    await expect(kredsformand.page.getByRole('region', { name: 'Delingsservere' })).toContainText(`Logget ind som ${kredsformand.name}`);
  });

  await test.step('AMR fjernes af administratoren og mister adgangen og det fortrolige', async () => {
    await addClosedItem(skoleleder, CLOSED_ITEM, CLOSED_BACKGROUND);
    // As a member the AMR reads the closed item's background on their own laptop.
    // The item and its confidential background arrive in two documents: the editor is opened again until both are there.
    await expect(async () => {
      await openMeeting(amr.page);
      const editor = await selectItem(amr.page, CLOSED_ITEM);
      await expect(editor.getByLabel('Baggrund')).toHaveValue(CLOSED_BACKGROUND, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });

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
