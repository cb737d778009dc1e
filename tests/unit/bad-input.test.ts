import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../electron/archive/open';
import { METHODS, contract, type Method } from '../../shared/api/contract';
import type { Result } from '../../shared/api/envelope';
import { escapeInvisible } from '../../shared/api/text';
import { seedListening, seedSlice, servicesWithArchive } from './support';

/**
 * Sends at least 1,000 random invalid inputs to every API method through dispatch. Each must come
 * back as an error envelope with a Danish sentence, nothing may throw, and the archive must be
 * unchanged row for row.
 */
const RUNS_PER_METHOD = 1_000;
const ENGLISH = /\b(Invalid|Expected|expected|received|Required|undefined|NaN|object Object|Error|TypeError)\b/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const TABLES = [
  'forum',
  'forum_colour',
  'ground_rules',
  'person',
  'forum_member',
  'forum_theme',
  'meeting',
  'meeting_participant',
  'agenda_item',
  'item_type',
  'decision',
  'action',
  'sag',
  'listening_series',
  'listening_meeting',
  'listening_theme',
  'listening_input',
  'listening_input_theme',
  'item_comment',
  'agenda_seen',
];

function rows(archive: Archive): string {
  return TABLES.map((t) => JSON.stringify(archive.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

/** A valid input for each method; mutations of it probe one field at a time. */
function validSample(
  method: Method,
  ids: Awaited<ReturnType<typeof seedSlice>>,
  listening: Awaited<ReturnType<typeof seedListening>>,
): Record<string, unknown> {
  const forumId = ids.forum.id;
  const meetingId = ids.meeting.id;
  const itemId = ids.decisionItem.id;
  const item = { title: 'Punkt', type: 'beslutning', minutes: 10, announcedColour: 'groen' };
  const meeting = { title: 'Møde', startsAt: '2026-12-01T14:00', durationMinutes: 60, place: '' };
  const seriesId = listening.series.id;
  const visit = { school: 'Bøgeskolen', date: '2026-11-17', startTime: '14:00', teacherGroup: 'Udskolingens lærere' };
  const inputId = listening.input.id;
  const themeId = listening.theme.id;
  const samples: Record<Method, Record<string, unknown>> = {
    'app.info': {},
    'app.startup': {},
    'forums.list': {},
    'forums.get': { forumId },
    'forums.create': { kind: 'trio', name: 'TRIO 2', school: 'Bøgeskolen', purpose: '' },
    'forums.update': { forumId, name: 'TRIO', school: 'Egeskolen', cadence: 'maanedlig' },
    'forums.updateGroundRules': { forumId, text: 'Vi lytter.', note: '' },
    'forums.updateColour': { forumId, colour: 'gul', label: 'Gul', code: 'GU', meaning: 'Vi hører jer først.', hex: '#F2C200' },
    'forums.yearPlan': { forumId, schoolYearStart: 2026 },
    'members.add': { forumId, name: 'Jonas', role: 'TR', fromDate: '2026-08-01' },
    'members.end': { memberId: forumId, toDate: '2026-12-01' },
    'themes.add': { forumId, month: 4, title: 'Fagfordeling' },
    'themes.remove': { themeId: forumId },
    'meetings.list': { forumId },
    'meetings.page': { forumId, offset: 0, limit: 10 },
    'meetings.overview': { from: '2026-11-01T00:00', limit: 5 },
    'meetings.get': { meetingId },
    'meetings.create': { forumId, ...meeting },
    'meetings.update': { meetingId, ...meeting },
    'meetings.markAgendaSent': { meetingId },
    'participants.set': { meetingId, personId: forumId, role: 'TR', attendance: 'afbud' },
    'participants.addGuest': { meetingId, name: 'Gæst', role: 'Konsulent' },
    'participants.remove': { meetingId, personId: forumId },
    'documents.dagsorden': { meetingId, variant: 'delt' },
    'agenda.addItem': { meetingId, ...item },
    'agenda.updateItem': { itemId, ...item },
    'agenda.moveItem': { itemId, toPosition: 2 },
    'agenda.removeItem': { itemId: forumId },
    'agenda.confirmForvarsel': { itemId, note: '' },
    'agenda.recordConsent': { itemId, consentBy: 'TR' },
    'agenda.consents': { meetingId },
    'agenda.consent': { itemId, kind: 'sent', personId: forumId, given: true },
    'comments.list': { itemId },
    'comments.add': { itemId, kind: 'spoergsmaal', text: 'Hvem har talt med vikarerne?' },
    'comments.edit': { commentId: itemId, kind: 'kommentar', text: 'Rettet.' },
    'comments.remove': { commentId: itemId },
    'comments.markAnswered': { commentId: itemId, answered: true },
    'agenda.news': { meetingId },
    'agenda.markSeen': { meetingId },
    'agenda.history': { itemId },
    'agenda.keptWords': { meetingId },
    'agenda.useKeptWords': { itemId, keptId: itemId },
    'agenda.discardKeptWords': { itemId, keptId: itemId },
    'itemTypes.list': {},
    'itemTypes.create': { label: 'Høring' },
    'decisions.record': { itemId, colour: 'gul', text: 'Vedtaget' },
    'decisions.saveDraft': { itemId, colour: null, text: 'Vedtaget' },
    'decisions.draft': { itemId },
    'decisions.list': { forumId, colour: 'gul', from: '2026-01-01', to: '2026-12-31', text: 'tilsyn', limit: 50, offset: 0 },
    'decisions.count': { forumId, colour: 'gul', from: '2026-01-01', to: '2026-12-31', text: 'tilsyn' },
    'decisions.chart': { forumId, schoolYearStart: 2026 },
    'actions.create': { itemId, what: 'Skriv', who: 'TR', due: '2026-12-08', term: 'kort' },
    'actions.listOpen': { forumId },
    'actions.markDone': { actionId: forumId },
    'actions.list': { forumId, who: 'TR', status: 'alle_aabne', dueBefore: '2026-12-31', offset: 0, limit: 50 },
    'actions.count': { forumId, who: 'TR', status: 'alle_aabne', dueBefore: '2026-12-31' },
    'actions.update': { actionId: forumId, status: 'droppet', note: 'Ikke længere relevant', dropReason: 'Opgaven er løst på anden vis' },
    'actions.split': { actionId: forumId, parts: [{ what: 'Del 1', who: 'TR', due: '2026-12-08' }, { what: 'Del 2', who: 'AMR', due: null }] },
    'actions.notes': { actionId: forumId },
    'demo.install': {},
    'demo.remove': {},
    'decisions.readBack': { itemId },
    'decisions.finalize': { itemId },
    'run.start': { meetingId },
    'run.goTo': { meetingId, phase: 'punkt', itemId },
    'run.end': { meetingId },
    'run.showConfidential': { meetingId, show: true },
    'run.timer': { itemId, action: 'start' },
    'run.saveNotes': { itemId, notes: 'Kort resumé' },
    'run.setProcess': { itemId, process: 'runde' },
    'run.tickRound': { itemId, personId: forumId, done: true },
    'run.setCyclePhase': { itemId, phase: 1 },
    'run.takeMinutes': { itemId, fromItemId: ids.talkItem.id, minutes: 5 },
    'run.park': { itemId },
    'run.toAction': { itemId, what: 'Skriv', who: 'TR', due: null },
    'run.presenter': { meetingId },
    'checkout.record': { meetingId, questionIndex: 0, answer: 'hoej' },
    'referat.get': { meetingId },
    'referat.approve': { meetingId, personId: forumId },
    'referat.newVersion': { meetingId, reason: 'Rettelse af stavefejl' },
    'documents.referat': { meetingId, variant: 'delt' },
    'documents.referatPreview': { meetingId, variant: 'delt' },
    'documents.staffSummary': { meetingId },
    'documents.staffText': { meetingId },
    'exchange.export': { scope: 'moede', id: meetingId },
    'exchange.import': { content: '{}' },
    'backup.list': {},
    'sync.status': {},
    'sync.join': { serverAddress: 'deling.kommune.dk', code: 'ABCDE-FGHIJ-KLMNO-PQRST' },
    'sync.shareForum': { forumId, serverAddress: 'deling.kommune.dk' },
    'sync.invite': { forumId, right: 'medlem', name: 'Jonas' },
    'sync.forum': { forumId },
    'sync.servers': {},
    'sync.signIn': { serverAddress: 'deling.kommune.dk' },
    'sync.cancelSignIn': { serverAddress: 'deling.kommune.dk' },
    'sync.signOut': { serverAddress: 'deling.kommune.dk' },
    'sync.members': { forumId },
    'sync.changeMember': { forumId, personId: 'a', right: 'læser', admin: false },
    'sync.removeMember': { forumId, personId: 'a' },
    'sync.revokeDevice': { forumId, deviceId: 'a' },
    'sync.presence': { forumId },
    'sync.lead': { forumId, meetingId },
    'inbox.targets': {},
    'inbox.send': { inputId, serverUrl: 'https://deling.kommune.dk', forumId, forumName: 'TRIO Vestskolen', title: 'Forberedelsestid' },
    'inbox.propose': {
      itemId,
      serverUrl: 'https://deling.kommune.dk',
      forumId,
      forumName: 'Praksisforum',
      title: 'Vikardækning i udskolingen',
      text: 'Hvordan dækker andre skoler timerne?',
    },
    'inbox.sent': {},
    'inbox.list': { forumId },
    'inbox.accept': { submissionId: forumId, meetingId, ...item },
    'inbox.decline': { submissionId: forumId, reason: 'Det hører til i MED-udvalget.' },
    'backup.notices': {},
    'backup.create': {},
    'backup.restore': { fileName: 'samtalerum-20261201-140000-manuel.sqlite' },
    'sager.candidates': { itemId, text: 'vikar' },
    'sager.link': { itemId, earlierItemId: ids.talkItem.id },
    'sager.unlink': { itemId },
    'sager.rename': { sagId: forumId, title: 'Vikardækning' },
    'sager.get': { sagId: forumId, includeConfidential: false },
    'search.query': { text: 'tilsyn', forumId, colour: 'gul', kind: 'item', from: '2026-01-01', to: '2026-12-31', includeConfidential: false, limit: 20, offset: 0 },
    'listening.listSeries': {},
    'listening.createSeries': { title: 'Lyttemøder', purpose: 'At lytte.', visitors: 'Kredsformand og skolechef' },
    'listening.updateSeries': { seriesId, title: 'Lyttemøder', purpose: '', visitors: '' },
    'listening.shareAsForum': { seriesId },
    'listening.getSeries': { seriesId },
    'listening.planMeeting': { seriesId, ...visit },
    'listening.updateMeeting': { meetingId: listening.meeting.id, ...visit },
    'listening.removeMeeting': { meetingId: listening.meeting.id },
    'listening.getMeeting': { meetingId: listening.meeting.id },
    'listening.markHeld': { meetingId: listening.meeting.id, held: true, participantCount: 12 },
    'listening.addInput': { meetingId: listening.meeting.id, text: 'For lidt tid til teamsamarbejde.', isQuote: true, themes: ['Team'] },
    'listening.updateInput': { inputId, text: 'For lidt tid.', isQuote: false, themes: ['Arbejdstid'] },
    'listening.removeInput': { inputId },
    'listening.sortInput': { inputId, destination: 'lokalt', note: 'Skolen ser på skemaet.' },
    'listening.setInputThemes': { inputId, themes: ['Arbejdstid', 'Team'] },
    'listening.renameTheme': { themeId, name: 'Tid til forberedelse' },
    'listening.removeTheme': { themeId },
    'listening.overview': { seriesId, destination: 'usorteret', school: 'Egeskolen', quotesOnly: true },
    'listening.sendTargets': { inputId },
    'listening.sendInput': { inputId, meetingId, title: 'Forberedelsestid', type: 'beslutning', announcedColour: 'gul', minutes: 15 },
    'documents.feedbackLetter': { meetingId: listening.meeting.id },
  };
  return samples[method];
}

const junk = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '   ', 'x'.repeat(25_000), '2026-02-30T10:00', '2026-13-01', '1999-01-01T10:00', 'lilla', -1, 0, 1.5, 1e9, NaN, null, true, [], {}),
);

function inputsFor(sample: Record<string, unknown>) {
  const keys = Object.keys(sample);
  const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k));
  const withExtraKey = fc.record({ key: extraKey, value: junk }).map(({ key, value }) => ({ ...sample, [key]: value }));
  if (keys.length === 0) return fc.oneof(fc.anything(), junk, withExtraKey);
  const oneFieldWrong = fc.record({ key: fc.constantFrom(...keys), value: junk, drop: fc.boolean() }).map(({ key, value, drop }) => {
    const copy: Record<string, unknown> = { ...sample };
    if (drop) delete copy[key];
    else copy[key] = value;
    return copy;
  });
  return fc.oneof(fc.anything(), junk, withExtraKey, oneFieldWrong, oneFieldWrong);
}

function expectDanishError(result: Result<unknown>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.error.message).toMatch(/[.!?]$/);
  expect(result.error.message).not.toMatch(ENGLISH);
}

describe('forkert input til hver metode', () => {
  for (const method of METHODS) {
    it(`${method}: ${RUNS_PER_METHOD} ugyldige input giver danske fejlbeskeder og ingen ændringer`, async () => {
      const { services, archive } = servicesWithArchive();
      const ids = await seedSlice(services);
      const sample = validSample(method, ids, await seedListening(services));
      const before = rows(archive);
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(inputsFor(sample), async (input) => {
          // Only inputs the contract rejects: a valid input would (rightly) be carried out.
          fc.pre(!contract[method].input.safeParse(input).success);
          sent += 1;
          expectDanishError(await services.dispatch(method, input));
        }),
        { numRuns: RUNS_PER_METHOD, seed: 20261122, maxSkipsPerRun: 1_000 },
      );
      // Well-formed input that names something the archive does not hold.
      for (const key of Object.keys(sample).filter((k) => k.endsWith('Id'))) {
        expectDanishError(await services.dispatch(method, { ...sample, [key]: MISSING_ID }));
        sent += 1;
      }
      expect(sent).toBeGreaterThanOrEqual(RUNS_PER_METHOD);
      expect(rows(archive)).toBe(before);
      services.close();
    });
  }
});

/** Fields that take several lines (tab and newline allowed, '\r\n' stored as '\n'); every other text field is one line. */
const MULTI_LINE = [
  'agenda.addItem.background',
  'comments.add.text',
  'comments.edit.text',
  'agenda.confirmForvarsel.note',
  'agenda.updateItem.background',
  'actions.update.dropReason',
  'actions.update.note',
  'decisions.record.text',
  'decisions.saveDraft.text',
  'forums.create.purpose',
  'forums.update.purpose',
  'forums.updateColour.meaning',
  'forums.updateGroundRules.note',
  'forums.updateGroundRules.text',
  'inbox.decline.reason',
  'inbox.propose.text',
  'listening.createSeries.purpose',
  'listening.sortInput.note',
  'listening.updateSeries.purpose',
  'meetings.update.purpose',
  'referat.newVersion.reason',
  'run.saveNotes.notes',
];

/** The sample's string fields that take free text: those where other words are accepted too. */
function freeTextFields(method: Method, sample: Record<string, unknown>): string[] {
  // The exchange file is JSON; its own text fields go through the same rules (see exchange tests).
  if (method === 'exchange.import') return [];
  return Object.keys(sample).filter((key) => {
    const value = sample[key];
    if (typeof value !== 'string' || key.endsWith('Id')) return false;
    return contract[method].input.safeParse({ ...sample, [key]: `${value} og mere` }).success;
  });
}

describe('usynlige tegn i tekstfelter', () => {
  it('hvert tekstfelt afviser styretegn, skriftretningstegn og halve tegn med feltets navn, og kun flerlinjefelter tager linjeskift', async () => {
    const { services, archive } = servicesWithArchive();
    const ids = await seedSlice(services);
    const listening = await seedListening(services);
    const before = rows(archive);
    const multiLine: string[] = [];
    const tested: string[] = [];
    for (const method of METHODS) {
      const sample = validSample(method, ids, listening);
      for (const key of freeTextFields(method, sample)) {
        tested.push(`${method}.${key}`);
        const value = String(sample[key]);
        for (const [bad, shown] of [
          [`${value}\u0007`, /usynligt styretegn \(U\+0007\)/],
          [`\u001b]0;evil\u0007${value}`, /usynligt styretegn \(U\+001B\)/],
          [`${value}\u202Eedoc`, /vender skriftretningen \(U\+202E\)/],
          [`${value}\u2066`, /vender skriftretningen \(U\+2066\)/],
          [`${value}\uD83D`, /ødelagt tegn \(U\+D83D\)/],
          [`\uDE00${value}`, /ødelagt tegn \(U\+DE00\)/],
        ] as const) {
          const result = await services.dispatch(method, { ...sample, [key]: bad });
          expect({ method, key, result }).toMatchObject({
            result: { ok: false, error: { code: 'ugyldigt_input', field: key, message: expect.stringMatching(shown) } },
          });
          if (!result.ok) expect(result.error.message).toMatch(/^\S.*Fjern det og prøv igen\.$/);
        }
        const twoLines = contract[method].input.safeParse({ ...sample, [key]: `Første linje\r\n\tAnden linje ${value}` });
        if (twoLines.success) {
          multiLine.push(`${method}.${key}`);
          expect((twoLines.data as Record<string, unknown>)[key]).toBe(`Første linje\n\tAnden linje ${value}`.trim());
        } else {
          expect(twoLines.error.issues[0]?.message).toMatch(/skal stå på én linje/);
        }
      }
    }
    expect(tested.length).toBeGreaterThan(40);
    expect(multiLine.sort()).toEqual(MULTI_LINE.filter((f) => tested.includes(f)).sort());
    expect(multiLine.length).toBeGreaterThanOrEqual(8);
    expect(rows(archive)).toBe(before);
    services.close();
  });

  it('en ukendt handling eller et ukendt felt gentages kort og med synlige styretegn', async () => {
    const { services } = servicesWithArchive();
    const longName = `forums.list\u001b[2J${'x'.repeat(200)}`;
    const unknownMethod = await services.dispatch(longName, {});
    expect(unknownMethod).toMatchObject({ ok: false, error: { code: 'ukendt_metode' } });
    if (!unknownMethod.ok) {
      expect(unknownMethod.error.message).toContain('\\u001b[2J');
      expect(escapeInvisible(unknownMethod.error.message)).toBe(unknownMethod.error.message);
      expect(unknownMethod.error.message.length).toBeLessThan(140);
      expect(unknownMethod.error.message).toContain('…');
    }
    const unknownKey = await services.dispatch('forums.list', { ['navn\u202Egnp.exe']: 1 });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', message: expect.stringContaining('«navn\\u202egnp.exe»') } });
    services.close();
  });
});
