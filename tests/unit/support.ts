import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import type { Method, MethodResult } from '../../shared/api/contract';

export function tempArchivePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'samtalerum-test-')), 'samtalerum.sqlite');
}

export function servicesOn(path = tempArchivePath()): Services {
  return servicesWithArchive(path).services;
}

/** Services plus the archive under them, for tests that compare the database itself. */
export function servicesWithArchive(path = tempArchivePath()): { services: Services; archive: Archive } {
  const archive = openArchive(path);
  return { services: createServices(createContext(archive, 'test')), archive };
}

/** Calls a method and fails the test with the Danish message if it did not succeed. */
export async function must<M extends Method>(services: Services, method: M, input: unknown): Promise<MethodResult<M>> {
  const result = await services.call(method, input);
  if (!result.ok) throw new Error(`${method} fejlede: ${result.error.message}`);
  return result.value;
}

/** A TRIO with one meeting of two items, the first a beslutning announced as gul. */
export async function seedSlice(services: Services) {
  const forum = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = await must(services, 'meetings.create', {
    forumId: forum.id,
    title: 'TRIO-møde',
    startsAt: '2026-12-01T14:00',
    durationMinutes: 90,
  });
  const decisionItem = await must(services, 'agenda.addItem', {
    meetingId: meeting.id,
    title: 'Fordeling af tilsyn',
    type: 'beslutning',
    minutes: 20,
    announcedColour: 'gul',
  });
  const talkItem = await must(services, 'agenda.addItem', {
    meetingId: meeting.id,
    title: 'APV',
    type: 'droeftelse',
    minutes: 25,
  });
  return { forum, meeting, decisionItem, talkItem };
}

/** A series of lyttemøder with one meeting and one themed input, for tests that need their ids. */
export async function seedListening(services: Services) {
  const series = await must(services, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
  const meeting = await must(services, 'listening.planMeeting', {
    seriesId: series.id,
    school: 'Egeskolen',
    date: '2026-11-10',
    teacherGroup: 'Indskolingens lærere',
  });
  const input = await must(services, 'listening.addInput', {
    meetingId: meeting.id,
    text: 'Forberedelsestiden forsvinder i vikartimer.',
    themes: ['Forberedelse'],
  });
  const detail = await must(services, 'listening.getSeries', { seriesId: series.id });
  const theme = detail.themes[0];
  if (!theme) throw new Error('Temaet blev ikke oprettet');
  return { series, meeting, input, theme };
}
