import { describe, expect, it } from 'vitest';
import { CLOSED_CHANGE, sharedMeeting, sharedVersions } from '../../electron/services/redaction';
import type { ReferatVersionSummary } from '../../shared/api/types';
import { must, servicesOn } from './support';

/** The boundary module on its own: plain data in, the shared view out, nothing of a closed item left. */
describe('den delte visning', () => {
  it('et møde: et lukket punkt står kun med plads, type og tid, og intet af dets indhold er med nogen steder', async () => {
    const services = servicesOn();
    await must(services, 'demo.install', {});
    const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
    if (!held) throw new Error('Demoen mangler sit afholdte møde.');
    const secret = (await must(services, 'meetings.get', { meetingId: held.id })).items.find((i) => i.confidential);
    if (!secret) throw new Error('Demoen mangler sit lukkede punkt.');
    await must(services, 'run.saveNotes', { itemId: secret.id, notes: 'Noter om Svend' });
    await must(services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: 'Svend får en advarsel', dissents: [{ role: 'AMR', text: 'Svend bør høres' }] });
    await must(services, 'actions.create', { itemId: secret.id, what: 'Brev til Svend', who: 'Mette Lund', due: null });
    const meeting = await must(services, 'meetings.get', { meetingId: held.id });

    const shared = sharedMeeting(meeting);
    const text = JSON.stringify(shared);
    for (const secretText of ['Svend', secret.title, secret.background, secret.forvarselNote]) expect(text).not.toContain(secretText);
    const placeholder = shared.items.find((i) => i.id === secret.id);
    expect(placeholder).toMatchObject({ title: 'Lukket punkt', position: secret.position, type: secret.type, minutes: secret.minutes, confidential: true });
    // The open items are untouched.
    expect(shared.items.filter((i) => !i.confidential)).toEqual(meeting.items.filter((i) => !i.confidential));
    // The full meeting is left as it was.
    expect(JSON.stringify(meeting)).toContain('Svend');
  });

  it('referatets versioner: mærkede linjer og en begrundelse, der nævner en lukket titel, står som en ændring i et lukket punkt', () => {
    const version: ReferatVersionSummary = {
      number: 2,
      status: 'godkendt',
      createdAt: '2026-12-02T10:00:00.000Z',
      approvedAt: '2026-12-03T10:00:00.000Z',
      changeNote: 'Rettet i PERSONALESAG i indskolingen',
      changes: [
        { text: 'Punkt 7 «Ulf»: titlen er ændret.', confidential: true },
        { text: 'Deltagerlisten er ændret.', confidential: false },
      ],
      approvals: [],
    };
    const [shared] = sharedVersions([version], ['Personalesag i indskolingen']);
    expect(shared?.changeNote).toBe(CLOSED_CHANGE);
    expect(shared?.changes).toEqual([
      { text: CLOSED_CHANGE, confidential: true },
      { text: 'Deltagerlisten er ændret.', confidential: false },
    ]);
    expect(sharedVersions([version], [])[0]?.changeNote).toBe(version.changeNote);
  });
});
