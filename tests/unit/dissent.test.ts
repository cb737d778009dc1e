import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/dispatch';
import { readReferatSnapshot, writeReferatSnapshot } from '../../shared/domain/referatSnapshot';
import { textOf } from './docx-readback';
import { must, servicesOn } from './support';

const MINORITY = 'Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen og ønsker en anden placering.';
const AMR_WORDS = 'Vi er ikke imod tirsdag, men vil have evalueret ordningen efter tre måneder.';
const CLOSED_WORDS = 'Medarbejderen burde være hørt, før sagen blev afgjort.';

/** The demo's held meeting with a second dissent on the open decision and one on the confidential item. */
async function meetingWithDissents(services: Services) {
  await must(services, 'demo.install', {});
  const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
  const meeting = await must(services, 'meetings.get', { meetingId: held!.id });
  const open = meeting.items.find((i) => i.title === 'Fælles forberedelsestid i teamene')!;
  const closed = meeting.items.find((i) => i.confidential)!;
  const amr = meeting.participants.find((p) => p.role === 'AMR')!;
  const { id: _id, itemId: _item, recordedAt: _at, finalAt: _final, dissents, ...decision } = open.decision!;
  await must(services, 'decisions.record', {
    ...decision,
    itemId: open.id,
    dissents: [
      ...dissents.map(({ id: _d, ...d }) => d),
      { personId: amr.personId, name: amr.name, role: amr.role, text: AMR_WORDS, minorityStatement: false },
    ],
  });
  await must(services, 'decisions.record', {
    itemId: closed.id,
    colour: 'roed',
    text: 'Sagen afsluttes med en skriftlig påtale.',
    dissents: [{ name: 'Bo Kragh', role: 'TR (lærere)', text: CLOSED_WORDS, minorityStatement: true }],
  });
  return { meeting: await must(services, 'meetings.get', { meetingId: meeting.id }), amr };
}

const docx = async (base64: string) => textOf(Buffer.from(base64, 'base64'));

describe('dissens som poster', () => {
  it('står i referatet med art, rolle og navn og ordret tekst, flere pr. beslutning, i den rækkefølge de blev givet', async () => {
    const services = servicesOn();
    const { meeting, amr } = await meetingWithDissents(services);
    const open = meeting.items.find((i) => i.title === 'Fælles forberedelsestid i teamene')!;
    expect(open.decision?.dissents.map((d) => [d.role, d.minorityStatement])).toEqual([
      ['TR (pædagoger)', true],
      ['AMR', false],
    ]);
    expect(open.decision?.dissents[1]?.personId).toBe(amr.personId);

    const full = await docx((await must(services, 'documents.referat', { meetingId: meeting.id, variant: 'fuld' })).base64);
    expect(full).toContain(`Mindretalsudtalelse fra TR (pædagoger), Sara Nielsen: ${MINORITY}`);
    expect(full).toContain(`Dissens fra AMR, ${amr.name}: ${AMR_WORDS}`);
    expect(full.indexOf(MINORITY)).toBeLessThan(full.indexOf(AMR_WORDS));
    expect(full).toContain(`Mindretalsudtalelse fra TR (lærere), Bo Kragh: ${CLOSED_WORDS}`);

    const shared = await docx((await must(services, 'documents.referat', { meetingId: meeting.id, variant: 'delt' })).base64);
    expect(shared).toContain(`Mindretalsudtalelse fra TR (pædagoger), Sara Nielsen: ${MINORITY}`);
    expect(shared).not.toContain(CLOSED_WORDS);
    expect(shared).not.toContain('Bo Kragh');
  });

  it('står i personaleresuméet efter rolle, uden navn, og aldrig fra et lukket punkt', async () => {
    const services = servicesOn();
    const { meeting, amr } = await meetingWithDissents(services);
    const word = await docx((await must(services, 'documents.staffSummary', { meetingId: meeting.id })).base64);
    const { text } = await must(services, 'documents.staffText', { meetingId: meeting.id });
    for (const summary of [word, text.replace(/\s+/g, ' ')]) {
      expect(summary).toContain(`Mindretalsudtalelse fra TR (pædagoger): ${MINORITY}`);
      expect(summary).toContain(`Dissens fra AMR: ${AMR_WORDS}`);
      // By role only (the names may stand elsewhere, e.g. as who has an action).
      expect(summary).not.toContain('TR (pædagoger), Sara Nielsen');
      expect(summary).not.toContain(`AMR, ${amr.name}`);
      expect(summary).not.toContain(CLOSED_WORDS);
    }
  });

  it('et godkendt referat fra før dissens blev poster læses med fritekstens ord som én post', () => {
    const stored = JSON.parse(writeReferatSnapshot({
      id: 'm', forumId: 'f', forumName: 'TRIO', title: 'TRIO-møde', startsAt: '2026-12-01T14:00', durationMinutes: 90, place: 'Mødelokalet',
      itemCount: 0, purpose: '', school: 'Egeskolen', forumKind: 'trio', forumColours: [], itemTypes: [], participants: [], followUp: [],
      otherActions: [], items: [], plannedMinutes: 0, groundRules: '', checkout: [],
    })) as Record<string, unknown>;
    const words = 'TR (lærere): «Vi er imod.»';
    const decision = { id: 'd', itemId: 'i', outcome: 'beslutning', colour: 'gul', colourReason: '', text: 'Model B.', decidedBy: '', dissent: words, recordedAt: 'nu', finalAt: 'nu' };
    const item = { id: 'i', title: 'Tilsyn', confidential: false, actions: [], decision };
    const read = readReferatSnapshot(JSON.stringify({ ...stored, snapshotVersion: 2, items: [item] }));
    if (!read.ok) throw new Error(read.message);
    expect(read.meeting.items[0]?.decision?.dissents).toEqual([{ id: 'd', personId: null, name: '', role: '', text: words, minorityStatement: false }]);
  });
});
