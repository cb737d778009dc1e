import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/dispatch';
import { must, servicesOn } from './support';

async function heldDemoMeeting(services: Services) {
  await must(services, 'demo.install', {});
  const meetings = await must(services, 'meetings.list', {});
  const held = meetings.find((m) => m.status === 'afholdt');
  if (!held) throw new Error('Demoen mangler et afholdt møde.');
  return must(services, 'meetings.get', { meetingId: held.id });
}

async function allXml(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('referatet efter mødet', () => {
  it('er et udkast, indtil begge dagsordensejere har godkendt; derefter er mødet låst', async () => {
    const services = servicesOn();
    const meeting = await heldDemoMeeting(services);
    const before = await must(services, 'referat.get', { meetingId: meeting.id });
    expect(before.coOwners.map((c) => c.name).sort()).toEqual(['Jonas Holm', 'Mette Lund']);
    expect(before.versions).toEqual([]);

    const [first, second] = before.coOwners;
    const half = await must(services, 'referat.approve', { meetingId: meeting.id, personId: first!.personId });
    expect(half.locked).toBe(false);
    expect(half.versions[0]?.approvals.map((a) => a.name)).toEqual([first!.name]);
    const outsider = meeting.participants.find((p) => !before.coOwners.some((c) => c.personId === p.personId));
    expect(await services.call('referat.approve', { meetingId: meeting.id, personId: outsider!.personId })).toMatchObject({
      ok: false,
      error: { field: 'personId' },
    });

    const done = await must(services, 'referat.approve', { meetingId: meeting.id, personId: second!.personId });
    expect(done).toMatchObject({ locked: true, versions: [{ number: 1, status: 'godkendt' }] });
    const item = meeting.items.find((i) => i.decision)!;
    const refused = await services.call('run.saveNotes', { itemId: item.id, notes: 'Ændret bagefter' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'konflikt', message: expect.stringMatching(/godkendt og låst/) } });
    expect((await must(services, 'meetings.list', {})).find((m) => m.id === meeting.id)?.referatStatus).toBe('godkendt');
  });

  it('en senere rettelse bliver en ny version med begrundelse og en liste over ændringer', async () => {
    const services = servicesOn();
    const meeting = await heldDemoMeeting(services);
    const { coOwners } = await must(services, 'referat.get', { meetingId: meeting.id });
    for (const c of coOwners) await must(services, 'referat.approve', { meetingId: meeting.id, personId: c.personId });

    const reopened = await must(services, 'referat.newVersion', { meetingId: meeting.id, reason: 'Forkert dato i beslutningen om tilsyn' });
    expect(reopened).toMatchObject({ locked: false, versions: [{ number: 1 }, { number: 2, status: 'udkast', changeNote: 'Forkert dato i beslutningen om tilsyn' }] });
    const item = meeting.items.find((i) => i.decision?.colour === 'gul')!;
    await must(services, 'decisions.record', { itemId: item.id, colour: 'gul', text: 'Tilsynet fordeles på faste zoner fra 1. marts.' });
    for (const c of coOwners) await must(services, 'referat.approve', { meetingId: meeting.id, personId: c.personId });
    const state = await must(services, 'referat.get', { meetingId: meeting.id });
    expect(state.versions[1]).toMatchObject({ status: 'godkendt' });
    expect(state.versions[1]?.changes).toEqual([{ text: expect.stringMatching(/Ny model for tilsyn.*beslutningen er ændret/), confidential: false }]);

    const full = await must(services, 'documents.referat', { meetingId: meeting.id, variant: 'fuld' });
    const xml = await allXml(full.base64);
    expect(xml).toContain('Forkert dato i beslutningen om tilsyn');
    expect(xml).toContain('fra 1. marts');
  });

  it('det delte referat og personaleresuméet indeholder intet fra det lukkede punkt', async () => {
    const services = servicesOn();
    const meeting = await heldDemoMeeting(services);
    const secret = meeting.items.find((i) => i.confidential)!;
    expect(secret.title).toBe('Personalesag i indskolingen');
    const shared = await allXml((await must(services, 'documents.referat', { meetingId: meeting.id, variant: 'delt' })).base64);
    expect(shared).not.toContain('Personalesag');
    expect(shared).not.toContain(secret.background.slice(0, 30));
    expect(shared).toContain('Lukket punkt');
    const full = await allXml((await must(services, 'documents.referat', { meetingId: meeting.id, variant: 'fuld' })).base64);
    expect(full).toContain('Personalesag');
    expect(full).toContain('FORTROLIGT');

    const summary = await allXml((await must(services, 'documents.staffSummary', { meetingId: meeting.id })).base64);
    const { text } = await must(services, 'documents.staffText', { meetingId: meeting.id });
    for (const out of [summary, text]) {
      expect(out).not.toContain('Personalesag');
      expect(out).toContain('Tilsynet fordeles på faste zoner');
    }
  });

  it('en handling fra et lukket punkt forbliver fortrolig, når den følges op i næste referat', async () => {
    const services = servicesOn();
    const held = await heldDemoMeeting(services);
    const secret = held.items.find((i) => i.confidential)!;
    await must(services, 'actions.create', { itemId: secret.id, what: 'Samtale om tilbagevenden på nedsat tid', who: 'Mette Lund' });
    const upcoming = (await must(services, 'meetings.list', {})).find((m) => m.status === 'planlagt')!;
    const shared = await allXml((await must(services, 'documents.referat', { meetingId: upcoming.id, variant: 'delt' })).base64);
    expect(shared).not.toContain('tilbagevenden');
    expect(shared).toContain('Sende den nye tilsynsplan');
    const full = await allXml((await must(services, 'documents.referat', { meetingId: upcoming.id, variant: 'fuld' })).base64);
    expect(full).toContain('tilbagevenden');
  });

  it('et møde der ikke er afholdt kan ikke få sit referat godkendt', async () => {
    const services = servicesOn();
    await must(services, 'demo.install', {});
    const upcoming = (await must(services, 'meetings.list', {})).find((m) => m.status === 'planlagt')!;
    const { coOwners } = await must(services, 'referat.get', { meetingId: upcoming.id });
    expect(await services.call('referat.approve', { meetingId: upcoming.id, personId: coOwners[0]!.personId })).toMatchObject({
      ok: false,
      error: { code: 'konflikt', message: expect.stringMatching(/ikke afholdt/) },
    });
  });
});
