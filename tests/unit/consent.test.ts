import { describe, expect, it } from 'vitest';
import { documentName } from '../../shared/sync/documents';
import { consentKey } from '../../shared/sync/personKeys';
import type { ForumRight } from '../../shared/api/methods/sync';
import { must } from './support';
import { converge, itemOf, laptop, send, SERVER, type Laptop } from './sync-support';

/**
 * Consent per person: in a shared forum each agenda owner gives their own consent to a late item, and confirms a
 * forvarsel, on their own laptop; the laptop refuses to consent for someone else, to one's own item, or as a
 * læser. In a forum on one laptop the single-laptop flow stays.
 */

async function demoUpcoming(l: Laptop) {
  await must(l.services, 'demo.install', {});
  const [forum] = await must(l.services, 'forums.list', {});
  const upcoming = (await must(l.services, 'meetings.list', {})).find((m) => m.status === 'planlagt');
  if (!forum || !upcoming) throw new Error('Demoen mangler sit forum eller sit kommende møde.');
  await must(l.services, 'meetings.markAgendaSent', { meetingId: upcoming.id });
  const owners = (await must(l.services, 'referat.get', { meetingId: upcoming.id })).coOwners;
  const leader = owners.find((o) => o.role === 'Skoleleder');
  const tr = owners.find((o) => o.role !== 'Skoleleder');
  if (!leader || !tr || owners.length !== 2) throw new Error('Demoens kommende møde har ikke en skoleleder og en TR som dagsordensejere.');
  return { forum, meeting: upcoming, leader, tr };
}

const access = (personId: string | null, right: ForumRight = 'medlem') => ({ right, admin: false, forumPersonId: personId });

/** Laptop A is the skoleleder's, laptop B the TR's, both in the shared demo forum. */
async function twoLaptops() {
  const a = laptop();
  const demo = await demoUpcoming(a);
  a.services.sync.shareForum(demo.forum.id, SERVER, access(demo.leader.personId));
  const b = laptop();
  send(a, b, demo.forum.id);
  b.services.sync.recordAccess(demo.forum.id, access(demo.tr.personId));
  return { a, b, ...demo };
}

async function refusal(l: Laptop, method: 'agenda.consent', input: Parameters<typeof must<'agenda.consent'>>[2]) {
  const result = await l.services.call(method, input);
  if (result.ok) throw new Error('Samtykket blev gemt, men skulle være afvist.');
  return result.error.message;
}

// Two laptops with the demo each: seconds of work, more on a loaded machine.
describe('samtykke pr. person i et delt forum', { timeout: 30_000 }, () => {
  it('skolelederen sætter et sent punkt på; TR giver samtykke på sin egen bærbar, og skolelederen ser det', async () => {
    const { a, b, forum, meeting, leader, tr } = await twoLaptops();
    const late = await must(a.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Ny vikarordning', type: 'droeftelse', minutes: 10 });
    expect(late.addedLate).toBe(true);
    converge([a, b], forum.id);

    // Waiting for the TR, by name, on both laptops; the warning stays until the TR has consented.
    for (const l of [a, b]) {
      const round = (await must(l.services, 'agenda.consents', { meetingId: meeting.id })).items.find((i) => i.itemId === late.id)?.sent;
      expect(round).toMatchObject({ given: [], awaited: [{ personId: tr.personId, name: tr.name }], complete: false });
      expect((await itemOf(l, late.id)).consentAt).toBeNull();
    }

    const answer = await must(b.services, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true });
    expect(answer.me).toBe(tr.personId);
    converge([a, b], forum.id);

    const seen = await must(a.services, 'agenda.consents', { meetingId: meeting.id });
    expect(seen.me).toBe(leader.personId);
    const round = seen.items.find((i) => i.itemId === late.id)?.sent;
    expect(round?.given.map((g) => g.name)).toEqual([tr.name]);
    expect(round?.awaited).toEqual([]);
    expect(round?.complete).toBe(true);
    const item = await itemOf(a, late.id);
    expect(item.consentBy).toBe(tr.name);
    expect(item.consentAt).not.toBeNull();

    // The consent travels keyed by the person who gave it, in the meeting document.
    const doc = a.services.sync.docFor(documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id }));
    expect([...doc.getMap('samtykker').keys()]).toEqual([consentKey(late.id, 'sent', tr.personId)]);

    // Withdrawn on the TR's laptop, it is gone on the skoleleder's too, and the item waits again.
    await must(b.services, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: false });
    converge([a, b], forum.id);
    expect((await itemOf(a, late.id)).consentAt).toBeNull();
    expect((await must(a.services, 'agenda.consents', { meetingId: meeting.id })).items.find((i) => i.itemId === late.id)?.sent.awaited).toHaveLength(1);
  });

  it('ingen giver samtykke for en anden, til sit eget sene punkt eller som læser', async () => {
    const { a, b, forum, meeting, leader, tr } = await twoLaptops();
    const late = await must(a.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Ny vikarordning', type: 'droeftelse', minutes: 10 });
    converge([a, b], forum.id);
    const before = a.db.prepare('SELECT count(*) FROM item_consent').pluck().get();

    expect(await refusal(a, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true })).toMatch(/for en anden/);
    expect(await refusal(a, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: leader.personId, given: true })).toMatch(/satte selv punktet på/);
    const onBehalf = await a.services.call('agenda.recordConsent', { itemId: late.id, consentBy: tr.name });
    expect(onBehalf.ok ? '' : onBehalf.error.message).toMatch(/på sin egen computer/);
    const forvarselOnBehalf = await a.services.call('agenda.confirmForvarsel', { itemId: late.id, note: 'TR orienteret' });
    expect(forvarselOnBehalf.ok).toBe(false);

    b.services.sync.recordAccess(forum.id, access(tr.personId, 'læser'));
    expect(await refusal(b, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true })).toMatch(/kun læse/);
    b.services.sync.recordAccess(forum.id, access(null));
    expect(await refusal(b, 'agenda.consent', { itemId: late.id, kind: 'sent', personId: tr.personId, given: true })).toMatch(/ikke knyttet dig/);

    expect(a.db.prepare('SELECT count(*) FROM item_consent').pluck().get()).toBe(before);
    expect(b.db.prepare('SELECT count(*) FROM item_consent').pluck().get()).toBe(before);
  });

  it('et følsomt punkts forvarsel bekræftes af den anden part, og et lukket punkts samtykke bliver i det fortrolige dokument', async () => {
    const { a, b, forum, meeting, tr } = await twoLaptops();
    const sensitive = await must(a.services, 'agenda.addItem', {
      meetingId: meeting.id,
      title: 'Omplacering af en medarbejder',
      type: 'droeftelse',
      minutes: 15,
      confidential: true,
      sensitive: true,
    });
    converge([a, b], forum.id);
    expect((await itemOf(b, sensitive.id)).forvarselAt).toBeNull();

    await must(b.services, 'agenda.consent', { itemId: sensitive.id, kind: 'forvarsel', personId: tr.personId, given: true });
    await must(b.services, 'agenda.consent', { itemId: sensitive.id, kind: 'sent', personId: tr.personId, given: true });
    converge([a, b], forum.id);

    const item = await itemOf(a, sensitive.id);
    expect(item.forvarselAt).not.toBeNull();
    expect(item.consentBy).toBe(tr.name);
    const meetingDoc = a.services.sync.docFor(documentName({ kind: 'moede', forumId: forum.id, meetingId: meeting.id }));
    const confidentialDoc = a.services.sync.docFor(documentName({ kind: 'fortroligt', forumId: forum.id, meetingId: meeting.id }));
    expect(meetingDoc.getMap('samtykker').size).toBe(0);
    expect([...confidentialDoc.getMap('samtykker').keys()].sort()).toEqual(
      [consentKey(sensitive.id, 'forvarsel', tr.personId), consentKey(sensitive.id, 'sent', tr.personId)].sort(),
    );
  });

  it('hver medejer godkender referatet på sin egen bærbar, og det låses på begge, når begge har', async () => {
    const { a, b, forum, meeting, leader, tr } = await twoLaptops();
    await must(a.services, 'run.start', { meetingId: meeting.id });
    await must(a.services, 'run.end', { meetingId: meeting.id });
    converge([a, b], forum.id);

    const forOther = await a.services.call('referat.approve', { meetingId: meeting.id, personId: tr.personId });
    expect(forOther.ok ? '' : forOther.error.message).toMatch(/for en anden/);

    const mine = await must(a.services, 'referat.approve', { meetingId: meeting.id, personId: leader.personId });
    expect(mine).toMatchObject({ shared: true, me: leader.personId, locked: false });
    converge([a, b], forum.id);
    expect((await must(b.services, 'referat.get', { meetingId: meeting.id })).versions.at(-1)?.approvals.map((x) => x.personId)).toEqual([leader.personId]);

    await must(b.services, 'referat.approve', { meetingId: meeting.id, personId: tr.personId });
    converge([a, b], forum.id);
    for (const l of [a, b]) expect((await must(l.services, 'referat.get', { meetingId: meeting.id })).locked).toBe(true);
  });
});

describe('et forum på én bærbar', { timeout: 30_000 }, () => {
  it('skolelederen registrerer stadig et samtykke givet i telefonen, og et samtykke pr. person tæller også', async () => {
    const a = laptop();
    const { meeting, tr } = await demoUpcoming(a);
    const byPhone = await must(a.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Ekstra punkt', type: 'orientering', minutes: 5 });
    expect((await must(a.services, 'agenda.recordConsent', { itemId: byPhone.id, consentBy: 'TR (lærere)' })).consentBy).toBe('TR (lærere)');

    const perPerson = await must(a.services, 'agenda.addItem', { meetingId: meeting.id, title: 'Endnu et punkt', type: 'orientering', minutes: 5 });
    const state = await must(a.services, 'agenda.consent', { itemId: perPerson.id, kind: 'sent', personId: tr.personId, given: true });
    expect(state).toMatchObject({ shared: false, me: null });
    expect((await itemOf(a, perPerson.id)).consentBy).toBe(tr.name);

    const notLate = (await must(a.services, 'meetings.get', { meetingId: meeting.id })).items.find((i) => !i.addedLate);
    if (!notLate) throw new Error('Demoens møde har intet punkt fra før udsendelsen.');
    expect(await refusal(a, 'agenda.consent', { itemId: notLate.id, kind: 'sent', personId: tr.personId, given: true })).toMatch(/kræver ikke samtykke/);
  });
});
