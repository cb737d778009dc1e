import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import type { Services } from '../../electron/services/dispatch';
import { MEETING_REFERENCES, isMeetingContent } from '../../electron/services/locks';
import { METHODS, contract, type Method } from '../../shared/api/contract';
import { must, seedListening, servicesWithArchive } from './support';

const TABLES = ['meeting', 'meeting_participant', 'agenda_item', 'decision', 'action', 'referat_version', 'checkout_tally', 'listening_input', 'item_comment', 'item_consent'];

function rows(archive: Archive): string {
  return TABLES.map((t) => JSON.stringify(archive.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

/** The demo's held meeting with its referat approved (locked) and its upcoming meeting (open). */
async function lockedAndOpen(services: Services) {
  await must(services, 'demo.install', {});
  const meetings = await must(services, 'meetings.list', {});
  const locked = await must(services, 'meetings.get', { meetingId: meetings.find((m) => m.status === 'afholdt')!.id });
  const open = await must(services, 'meetings.get', { meetingId: meetings.find((m) => m.status === 'planlagt')!.id });
  const lockedItem = locked.items.find((i) => i.decision)!;
  // A question asked before the approval, which nobody may change, answer or remove after it.
  const [question] = await must(services, 'comments.add', { itemId: lockedItem.id, kind: 'spoergsmaal', text: 'Hvem melder tilbage?' });
  // An item put on after the agenda went out, whose consent nobody may give or record after the approval.
  await must(services, 'meetings.markAgendaSent', { meetingId: locked.id });
  const lateItem = await must(services, 'agenda.addItem', { meetingId: locked.id, title: 'Sent punkt', type: 'orientering', minutes: 5 });
  const { coOwners } = await must(services, 'referat.get', { meetingId: locked.id });
  for (const c of coOwners) await must(services, 'referat.approve', { meetingId: locked.id, personId: c.personId });
  const [openItem, laterOpenItem] = open.items;
  if (!openItem || !laterOpenItem) throw new Error('Det kommende demomøde mangler punkter.');
  const person = open.participants[0]!.personId;
  const { input } = await seedListening(services);
  return { locked, open, lockedItem, openItem, laterOpenItem, person, inputId: input.id, commentId: question!.id, lateItemId: lateItem.id, coOwner: coOwners[0]!.personId };
}

type Setup = Awaited<ReturnType<typeof lockedAndOpen>>;

/**
 * For each write that changes a meeting's content: an input that touches the locked meeting, where
 * there is a choice by naming the open meeting or one of its items next to it.
 */
function attacks(s: Setup): Partial<Record<Method, Record<string, unknown>[]>> {
  const item = { title: 'Indsmuglet', type: 'droeftelse', minutes: 5 };
  const meeting = { title: 'Ændret', startsAt: '2026-12-01T14:00', durationMinutes: 60 };
  const L = s.locked.id;
  const O = s.open.id;
  const li = s.lockedItem.id;
  return {
    'meetings.update': [{ meetingId: L, ...meeting }],
    'participants.set': [{ meetingId: L, personId: s.person, role: 'Gæst', attendance: 'afbud' }],
    'participants.addGuest': [{ meetingId: L, name: 'Ny gæst', role: 'Konsulent' }],
    'participants.remove': [{ meetingId: L, personId: s.locked.participants[0]!.personId }],
    'agenda.addItem': [{ meetingId: L, ...item }],
    'agenda.updateItem': [{ itemId: li, ...item }],
    'agenda.moveItem': [{ itemId: li, toPosition: 1 }],
    'agenda.removeItem': [{ itemId: s.locked.items.find((i) => !i.decision)!.id }],
    'decisions.record': [{ itemId: li, colour: s.lockedItem.decision!.colour, text: 'Omskrevet bagefter', colourReason: 'x' }],
    'decisions.saveDraft': [{ itemId: li, colour: null, text: 'Et udkast bagefter' }],
    'decisions.readBack': [{ itemId: li }],
    'decisions.finalize': [{ itemId: li }],
    'actions.create': [
      { itemId: li, what: 'Indsmuglet', who: 'TR' },
      { meetingId: O, itemId: li, what: 'Indsmuglet', who: 'TR' },
      { meetingId: L, what: 'Indsmuglet', who: 'TR' },
    ],
    'run.start': [{ meetingId: L }],
    'run.goTo': [
      { meetingId: L, phase: 'checkout' },
      { meetingId: O, phase: 'punkt', itemId: li },
    ],
    'run.end': [{ meetingId: L }],
    'run.timer': [{ itemId: li, action: 'start' }],
    'run.saveNotes': [{ itemId: li, notes: 'Omskrevet bagefter' }],
    'run.setProcess': [{ itemId: li, process: 'runde' }],
    'run.tickRound': [{ itemId: li, personId: s.locked.participants[0]!.personId, done: true }],
    'run.setCyclePhase': [{ itemId: li, phase: 1 }],
    'run.takeMinutes': [
      { itemId: s.openItem.id, fromItemId: li, minutes: 1 },
      { itemId: li, fromItemId: s.laterOpenItem.id, minutes: 1 },
    ],
    'run.park': [{ itemId: li }],
    'run.toAction': [{ itemId: li, what: 'Indsmuglet', who: 'TR' }],
    'checkout.record': [{ meetingId: L, questionIndex: 0, answer: 'hoej' }],
    'listening.sendInput': [{ inputId: s.inputId, meetingId: L, title: 'Indsmuglet', type: 'droeftelse', minutes: 5 }],
    'comments.add': [{ itemId: li, kind: 'kommentar', text: 'Bagefter' }],
    'comments.edit': [{ commentId: s.commentId, kind: 'spoergsmaal', text: 'Omskrevet bagefter' }],
    'comments.markAnswered': [{ commentId: s.commentId, answered: true }],
    'comments.remove': [{ commentId: s.commentId }],
    'meetings.markAgendaSent': [{ meetingId: L }],
    'agenda.confirmForvarsel': [{ itemId: li, note: 'Bagefter' }],
    'agenda.recordConsent': [{ itemId: s.lateItemId, consentBy: 'TR' }],
    'agenda.consent': [{ itemId: s.lateItemId, kind: 'sent', personId: s.coOwner, given: true }],
    'inbox.accept': [{ submissionId: s.inputId, meetingId: L, title: 'Indsmuglet', type: 'droeftelse', minutes: 5 }],
    'agenda.useKeptWords': [{ itemId: li, keptId: s.inputId }],
  };
}

function idFields(method: Method): string[] {
  const schema = contract[method].input as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {}).filter((key) => key.endsWith('Id'));
}

/** Writes that name a meeting or an item but do not change what its referat shows (see locks.ts). */
const NOT_MEETING_CONTENT: ReadonlySet<Method> = new Set<Method>([
  // Its meetingId says where the action was followed up: the action's history, which goes on after approval.
  'actions.update',
  'run.showConfidential',
  'referat.approve',
  'referat.newVersion',
  // When this laptop last looked at the agenda: never shared, never in a referat.
  'agenda.markSeen',
  'sager.link',
  'sager.unlink',
  // A lyttemøde's id: no referat.
  'listening.updateMeeting',
  'listening.removeMeeting',
  'listening.markHeld',
  'listening.addInput',
  // Takes kept words out of the members' document without changing the item; the server takes it after the lock too.
  'agenda.discardKeptWords',
  // Reads the item to propose it to the praksisforum (also after the meeting): the submission is in the praksisforum's inbox.
  'inbox.propose',
]);

describe('et godkendt referat låser mødet', () => {
  it('hver skrivning, der rører det låste møde, afvises, også når input nævner et åbent møde ved siden af', async () => {
    const { services, archive } = servicesWithArchive();
    const setup = await lockedAndOpen(services);
    const before = rows(archive);
    const all = attacks(setup);
    const content = METHODS.filter((m) => contract[m].writes && isMeetingContent(m));
    expect(Object.keys(all).sort()).toEqual([...content].sort());
    for (const [method, inputs] of Object.entries(all)) {
      for (const input of inputs) {
        const result = await services.dispatch(method, input);
        expect({ method, input, result }).toMatchObject({
          result: { ok: false, error: { code: 'konflikt', message: expect.stringMatching(/godkendt og låst/) } },
        });
      }
    }
    expect(rows(archive)).toBe(before);
    services.close();
  });

  it('hvert id-felt i en låst skrivning er kendt af låsen, så et nyt felt ikke glider forbi', () => {
    for (const method of METHODS.filter((m) => isMeetingContent(m))) {
      for (const field of idFields(method)) expect({ method, field, known: field in MEETING_REFERENCES }).toEqual({ method, field, known: true });
    }
  });

  it('hver skrivning, der nævner et møde eller et punkt, er enten låst eller nævnt her med en grund', () => {
    const naming = METHODS.filter((m) => contract[m].writes && idFields(m).some((f) => f === 'meetingId' || f.endsWith('temId') || f === 'commentId'));
    const unchecked = naming.filter((m) => !isMeetingContent(m) && !NOT_MEETING_CONTENT.has(m));
    expect(unchecked).toEqual([]);
  });

  it('en handling nævner ikke et punkt fra et andet møde end sit eget', async () => {
    const { services, archive } = servicesWithArchive();
    const setup = await lockedAndOpen(services);
    await must(services, 'referat.newVersion', { meetingId: setup.locked.id, reason: 'Rettelse' });
    const before = rows(archive);
    const result = await services.call('actions.create', { meetingId: setup.open.id, itemId: setup.lockedItem.id, what: 'Skriv', who: 'TR' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: 'itemId', message: expect.stringMatching(/andet møde/) } });
    expect(rows(archive)).toBe(before);
    services.close();
  });

  it('et møde med et godkendt referat køres ikke igen, heller ikke mens en ny version er i gang', async () => {
    const { services, archive } = servicesWithArchive();
    const setup = await lockedAndOpen(services);
    await must(services, 'referat.newVersion', { meetingId: setup.locked.id, reason: 'Rettelse' });
    const before = rows(archive);
    const result = await services.call('run.start', { meetingId: setup.locked.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'konflikt', message: expect.stringMatching(/nye version/) } });
    expect(rows(archive)).toBe(before);
    // The whole archive still goes through an exchange file.
    const file = await must(services, 'exchange.export', { scope: 'arkiv' });
    const fresh = servicesWithArchive();
    await must(fresh.services, 'exchange.import', { content: Buffer.from(file.base64, 'base64').toString('utf8') });
    fresh.services.close();
    services.close();
  });

  it('opfølgningen af handlinger fra det låste møde går videre', async () => {
    const { services } = servicesWithArchive();
    const setup = await lockedAndOpen(services);
    const action = setup.locked.items.flatMap((i) => i.actions).find((a) => a.status === 'aaben')!;
    await must(services, 'actions.update', { actionId: action.id, status: 'igang', note: 'Planen er sendt i høring.' });
    const parts = await must(services, 'actions.split', {
      actionId: action.id,
      parts: [
        { what: 'Første del', who: 'TR' },
        { what: 'Anden del', who: 'AMR' },
      ],
    });
    expect(parts).toHaveLength(2);
    services.close();
  });
});
