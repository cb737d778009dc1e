import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/api/types';
import { screenView } from '../../renderer/views/run/screenView';
import type { Services } from '../../electron/services/dispatch';
import { must, servicesOn } from './support';

const SECRETS = {
  title: 'Klagesag om Bo Kragh',
  background: 'Forældreklage modtaget 3. marts',
  notes: 'Bo Kragh er orienteret',
  decision: 'Bo Kragh flytter til 4. årgang',
  reason: 'Forvaltningen har afgjort sagen om Bo Kragh',
  dissent: 'TR: Bo Kragh burde høres først',
  fair: 'Bo Kraghs tillidsrepræsentant var med',
  action: 'Samtale med Bo Kragh',
  earlierTitle: 'Hanne Vinthers fravær',
  earlierAction: 'Fraværssamtale med Hanne Vinther',
};

/** A meeting on the archive with a closed item full of content, and an open action from an earlier closed item. */
async function meetingWithSecrets(services: Services): Promise<{ meeting: MeetingDetail; closedId: string; openId: string }> {
  const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const earlier = await must(services, 'meetings.create', { forumId: forum.id, title: 'Forrige', startsAt: '2026-11-01T14:00', durationMinutes: 60 });
  const earlierItem = await must(services, 'agenda.addItem', { meetingId: earlier.id, title: SECRETS.earlierTitle, type: 'orientering', minutes: 5, confidential: true });
  await must(services, 'actions.create', { itemId: earlierItem.id, what: SECRETS.earlierAction, who: 'Mette Lund' });
  const meeting = await must(services, 'meetings.create', { forumId: forum.id, title: 'TRIO-møde', startsAt: '2026-12-01T14:00', durationMinutes: 60 });
  const open = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Skolefesten', type: 'droeftelse', minutes: 10, background: 'Juni' });
  const closed = await must(services, 'agenda.addItem', {
    meetingId: meeting.id,
    title: SECRETS.title,
    type: 'beslutning',
    announcedColour: 'gul',
    minutes: 10,
    background: SECRETS.background,
    confidential: true,
  });
  await must(services, 'run.saveNotes', { itemId: closed.id, notes: SECRETS.notes });
  await must(services, 'decisions.record', {
    itemId: closed.id,
    colour: 'roed',
    colourReason: SECRETS.reason,
    text: SECRETS.decision,
    dissents: [{ text: SECRETS.dissent }],
    involveHow: SECRETS.fair,
  });
  await must(services, 'actions.create', { itemId: closed.id, what: SECRETS.action, who: 'Mette Lund' });
  await must(services, 'run.start', { meetingId: meeting.id });
  const current = await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: closed.id });
  return { meeting: current, closedId: closed.id, openId: open.id };
}

const leaked = (view: unknown) => Object.values(SECRETS).filter((secret) => JSON.stringify(view).includes(secret));

describe('afviklingsskærmens visning af mødet', () => {
  it('skjuler alt indhold i lukkede punkter og i opfølgning fra lukkede punkter, når skærmen kan ses på projektoren', async () => {
    const services = servicesOn();
    const { meeting, closedId } = await meetingWithSecrets(services);
    // The stored meeting has it all, so the check below can fail.
    expect(leaked(meeting)).toEqual(Object.values(SECRETS));

    const view = screenView(meeting, { projectorSafe: true, revealedItemId: null });
    expect(leaked(view)).toEqual([]);
    const closed = view.items.find((i) => i.id === closedId);
    expect(closed).toMatchObject({ title: 'Lukket punkt', masked: true, confidential: true, position: 2, announcedColour: 'gul', decision: null, actions: [] });
    expect(view.items.find((i) => i.id !== closedId)).toMatchObject({ title: 'Skolefesten', background: 'Juni', masked: false });
    expect(view.followUp).toHaveLength(1);
    expect(view.followUp[0]).toMatchObject({ what: 'Lukket punkt', itemTitle: 'Lukket punkt', confidential: true });
    services.close();
  });

  it('viser det lukkede punkt, facilitatoren har valgt, men kun mens det er det aktuelle punkt', async () => {
    const services = servicesOn();
    const { meeting, closedId, openId } = await meetingWithSecrets(services);
    const revealed = screenView(meeting, { projectorSafe: true, revealedItemId: closedId });
    const item = revealed.items.find((i) => i.id === closedId);
    expect(item).toMatchObject({ title: SECRETS.title, notes: SECRETS.notes, masked: false });
    expect(item?.decision?.dissents[0]?.text).toBe(SECRETS.dissent);
    // Earlier meetings' closed actions stay masked: the reveal is for this item only.
    expect(revealed.followUp[0]?.what).toBe('Lukket punkt');

    const elsewhere = await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: openId });
    expect(leaked(screenView(elsewhere, { projectorSafe: true, revealedItemId: closedId }))).toEqual([]);
    const scene = await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'saet_scenen', itemId: null });
    expect(leaked(screenView(scene, { projectorSafe: true, revealedItemId: closedId }))).toEqual([]);
    services.close();
  });

  it('viser alt, når facilitatoren har slået tilstanden fra', async () => {
    const services = servicesOn();
    const { meeting } = await meetingWithSecrets(services);
    const view = screenView(meeting, { projectorSafe: false, revealedItemId: null });
    expect(leaked(view)).toEqual(Object.values(SECRETS));
    expect(view.items.every((i) => !i.masked)).toBe(true);
    services.close();
  });
});
