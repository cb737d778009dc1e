import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/dispatch';
import { openArchive } from '../../electron/archive/open';
import { must, seedSlice, tempArchivePath } from './support';

function services(path = tempArchivePath()) {
  const archive = openArchive(path);
  return { path, archive, services: createServices({ archive, appVersion: 'test', now: () => new Date('2026-12-01T13:00:00Z'), newId: () => crypto.randomUUID(), notices: [] }) };
}

const typed = {
  outcome: 'beslutning' as const,
  colour: 'gul' as const,
  text: 'Fælles forberedelse ligger tirsdag 14.30–15.15 fra uge 2; AMR samler erfaringer til marts.',
  decidedBy: 'Skolelederen efter drøftelse i TRIO',
  dissents: [{ personId: null, name: 'Sara Nielsen', role: 'TR (pædagoger)', text: 'Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen.', minorityStatement: true }],
  expectGiven: 'Rammen er 45 minutter om ugen.',
};

describe('udkast til en beslutning', () => {
  it('et skrevet udkast overlever, at mødet går videre til næste punkt og programmet lukkes', async () => {
    const first = services();
    const { meeting, decisionItem, talkItem } = await seedSlice(first.services);
    await must(first.services, 'run.start', { meetingId: meeting.id });
    await must(first.services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: decisionItem.id });
    await must(first.services, 'decisions.saveDraft', { itemId: decisionItem.id, ...typed });
    await must(first.services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: talkItem.id });
    first.archive.close();

    const again = services(first.path);
    const { draft } = await must(again.services, 'decisions.draft', { itemId: decisionItem.id });
    expect(draft).toMatchObject({ itemId: decisionItem.id, ...typed });
    // A draft is not the decision: nothing is recorded before it is saved or read back.
    const detail = await must(again.services, 'meetings.get', { meetingId: meeting.id });
    expect(detail.items.find((i) => i.id === decisionItem.id)?.decision).toBeNull();
  });

  it('et udkast kan mangle farve og tekst, og når beslutningen gemmes, er udkastet væk', async () => {
    const { services: s } = services();
    const { decisionItem } = await seedSlice(s);
    await must(s, 'decisions.saveDraft', { itemId: decisionItem.id, colour: null, text: '', dissents: [{ ...typed.dissents[0]!, text: '' }] });
    expect((await must(s, 'decisions.draft', { itemId: decisionItem.id })).draft).toMatchObject({ colour: null, text: '', dissents: [{ ...typed.dissents[0]!, text: '' }] });
    await must(s, 'decisions.record', { itemId: decisionItem.id, ...typed });
    expect((await must(s, 'decisions.draft', { itemId: decisionItem.id })).draft).toBeNull();
  });

  it('en beslutning, der ændres under oplæsningen, skal læses op igen', async () => {
    const { services: s } = services();
    const { meeting, decisionItem } = await seedSlice(s);
    await must(s, 'run.start', { meetingId: meeting.id });
    await must(s, 'decisions.record', { itemId: decisionItem.id, ...typed });
    await must(s, 'decisions.readBack', { itemId: decisionItem.id });
    expect((await must(s, 'meetings.get', { meetingId: meeting.id })).run.readbackItemId).toBe(decisionItem.id);
    await must(s, 'decisions.record', { itemId: decisionItem.id, ...typed, text: `${typed.text} Evalueres i juni.` });
    expect((await must(s, 'meetings.get', { meetingId: meeting.id })).run.readbackItemId).toBeNull();
  });
});
