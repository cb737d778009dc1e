import { afterEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import type { Services } from '../../electron/services/dispatch';
import type { MeetingDetail } from '../../shared/api/types';
import { REFERAT_SNAPSHOT_VERSION, readReferatSnapshot } from '../../shared/domain/referatSnapshot';
import type { ExchangeFile } from '../../shared/exchange/format';
import { textOf } from './docx-readback';
import { must, servicesWithArchive } from './support';

type Opened = { services: Services; archive: Archive };
const opened: Opened[] = [];

afterEach(() => {
  for (const { services } of opened.splice(0)) services.close();
});

/** The demo's held meeting (with its confidential «Personalesag i indskolingen»), its referat approved. */
async function approvedDemoMeeting() {
  const pair = servicesWithArchive();
  opened.push(pair);
  const { services } = pair;
  await must(services, 'demo.install', {});
  const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
  if (!held) throw new Error('Demoen mangler et afholdt møde.');
  const meeting = await must(services, 'meetings.get', { meetingId: held.id });
  const { coOwners } = await must(services, 'referat.get', { meetingId: held.id });
  for (const owner of coOwners) await must(services, 'referat.approve', { meetingId: held.id, personId: owner.personId });
  return { ...pair, meeting, coOwners };
}

function storedSnapshot(archive: Archive, meetingId: string, version = 1): string {
  const row = archive.db.prepare('SELECT snapshot FROM referat_version WHERE meeting_id = ? AND version = ?').get(meetingId, version) as
    | { snapshot: string | null }
    | undefined;
  if (!row?.snapshot) throw new Error('Versionen har intet låst referat.');
  return row.snapshot;
}

/**
 * A snapshot made the old way: the whole `meetings.get` answer as JSON, from before actions carried their
 * own confidential flag (migration 009), so none of its actions has one.
 */
function oldDump(meeting: MeetingDetail): string {
  const unflag = <A extends { confidential?: boolean }>(action: A) => {
    const { confidential: _confidential, ...rest } = action;
    return rest;
  };
  return JSON.stringify({
    ...meeting,
    followUp: meeting.followUp.map(unflag),
    otherActions: meeting.otherActions.map(unflag),
    items: meeting.items.map((item) => ({ ...item, actions: item.actions.map(unflag) })),
  });
}

async function referatText(services: Services, meetingId: string, variant: 'delt' | 'fuld'): Promise<string> {
  const doc = await must(services, 'documents.referat', { meetingId, variant });
  return textOf(Buffer.from(doc.base64, 'base64'));
}

describe('det godkendte referats låste indhold', () => {
  it('gemmes i den nyeste version med mødets indhold og uden øjeblikkets ur, afvikling og proces', async () => {
    const { archive, meeting } = await approvedDemoMeeting();
    const stored = JSON.parse(storedSnapshot(archive, meeting.id)) as Record<string, unknown>;
    expect(stored.snapshotVersion).toBe(REFERAT_SNAPSHOT_VERSION);
    for (const moment of ['serverNow', 'run', 'cycle', 'status', 'referatStatus', 'agendaSentAt']) expect(stored).not.toHaveProperty(moment);
    expect(stored).toMatchObject({ id: meeting.id, title: meeting.title, items: expect.any(Array) });
  });

  it('et referat gemt som JSON-dump af mødet læses stadig: dokumenter, fortrolighed og næste versions ændringer', async () => {
    const { services, archive, meeting, coOwners } = await approvedDemoMeeting();
    const secret = meeting.items.find((i) => i.confidential)!;
    const decided = meeting.items.find((i) => i.decision?.colour === 'gul')!;
    // What the referat said when it was approved: an action agreed under the closed item, and other words.
    const agreed = meeting.items.flatMap((i) => i.actions)[0];
    if (!agreed) throw new Error('Demoen mangler en handling.');
    const closedAction = { ...agreed, id: 'handling-fra-lukket-punkt', itemId: secret.id, what: 'Samtale om tilbagevenden på nedsat tid' };
    const dump = oldDump({
      ...meeting,
      items: meeting.items.map((i) => {
        if (i.id === secret.id) return { ...i, actions: [...i.actions, closedAction] };
        if (i.id === decided.id && i.decision) return { ...i, decision: { ...i.decision, text: 'Teksten fra det gamle referat.' } };
        return i;
      }),
    });
    archive.db.prepare('UPDATE referat_version SET snapshot = ? WHERE meeting_id = ? AND version = 1').run(dump, meeting.id);

    const upgraded = readReferatSnapshot(dump);
    if (!upgraded.ok) throw new Error(upgraded.message);
    const secretActions = upgraded.meeting.items.find((i) => i.id === secret.id)!.actions;
    expect(secretActions.map((a) => [a.what, a.confidential])).toEqual([['Samtale om tilbagevenden på nedsat tid', true]]);
    expect(upgraded.meeting.items.filter((i) => !i.confidential).flatMap((i) => i.actions).every((a) => a.confidential === false)).toBe(true);
    expect(upgraded.meeting).not.toHaveProperty('serverNow');

    // The documents are built from the frozen text, not from the meeting as it stands now.
    const shared = await referatText(services, meeting.id, 'delt');
    expect(shared).toContain('Teksten fra det gamle referat.');
    expect(shared).not.toContain('Personalesag');
    expect(shared).not.toContain('tilbagevenden');
    const full = await referatText(services, meeting.id, 'fuld');
    expect(full).toContain('Personalesag');
    expect(full).toContain('tilbagevenden');
    expect((await must(services, 'documents.staffText', { meetingId: meeting.id })).text).toContain('Teksten fra det gamle referat.');

    // The next version is compared with the old dump and stored in the versioned shape.
    await must(services, 'referat.newVersion', { meetingId: meeting.id, reason: 'Beslutningen var skrevet forkert af' });
    for (const owner of coOwners) await must(services, 'referat.approve', { meetingId: meeting.id, personId: owner.personId });
    const state = await must(services, 'referat.get', { meetingId: meeting.id });
    // Against the dump: its decision text is gone again, and so is the action under the closed item, a line that stays confidential.
    expect(state.versions[1]?.changes).toEqual([
      { text: expect.stringMatching(/beslutningen er ændret/), confidential: false },
      { text: expect.stringMatching(/Personalesag i indskolingen.*handlingerne er ændret/), confidential: true },
    ]);
    expect(JSON.parse(storedSnapshot(archive, meeting.id, 2))).toMatchObject({ snapshotVersion: REFERAT_SNAPSHOT_VERSION });
  });

  it('et låst referat, der ikke kan læses, giver en dansk besked i stedet for et dokument', async () => {
    const { services, archive, meeting } = await approvedDemoMeeting();
    archive.db.prepare('UPDATE referat_version SET snapshot = ? WHERE meeting_id = ?').run(`{"snapshotVersion": ${REFERAT_SNAPSHOT_VERSION + 1}}`, meeting.id);
    expect(await services.call('documents.referat', { meetingId: meeting.id, variant: 'delt' })).toMatchObject({
      ok: false,
      error: { code: 'arkivfejl', message: expect.stringMatching(/nyere version af Samtalerum/) },
    });
    archive.db.prepare('UPDATE referat_version SET snapshot = ? WHERE meeting_id = ?').run('{"title": "Møde"}', meeting.id);
    expect(await services.call('documents.staffText', { meetingId: meeting.id })).toMatchObject({
      ok: false,
      error: { code: 'arkivfejl', message: expect.stringMatching(/kan ikke læses/) },
    });
  });

  it('læseren afviser tekst, der ikke er et møde, og siger hvorfor', () => {
    expect(readReferatSnapshot('ikke json')).toEqual({ ok: false, message: expect.stringMatching(/gyldig JSON/) });
    expect(readReferatSnapshot('[1, 2]')).toEqual({ ok: false, message: expect.stringMatching(/ikke gemt som et møde/) });
    expect(readReferatSnapshot('{"snapshotVersion": "to"}')).toEqual({ ok: false, message: expect.stringMatching(/ukendt format/) });
  });

  it('en udvekslingsfil med et låst referat, der ikke kan læses, afvises ved feltet', async () => {
    const { services, meeting } = await approvedDemoMeeting();
    const doc = await must(services, 'exchange.export', { scope: 'arkiv', id: null });
    const file = JSON.parse(Buffer.from(doc.base64, 'base64').toString('utf8')) as ExchangeFile;
    const index = file.meetings.findIndex((m) => m.id === meeting.id);
    const version = file.meetings[index]?.referat[0];
    if (!version?.snapshot) throw new Error('Filen mangler det låste referat.');
    expect(readReferatSnapshot(version.snapshot).ok).toBe(true);
    version.snapshot = '{"title": "Kun en titel"}';

    const target = servicesWithArchive();
    opened.push(target);
    const result = await target.services.call('exchange.import', { content: JSON.stringify(file) });
    expect(result).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: `meetings.${index}.referat.0.snapshot` } });
    expect(target.archive.db.prepare('SELECT COUNT(*) AS n FROM meeting').get()).toEqual({ n: 0 });
  });
});
