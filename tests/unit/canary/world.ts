import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Archive } from '../../../electron/archive/open';
import type { Services } from '../../../electron/services/dispatch';
import type { Method, MethodResult } from '../../../shared/api/contract';
import type { Action, AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { must, servicesWithArchive, tempArchivePath } from '../support';
import { CanaryBook, openText, type CanaryField } from './canaries';
import type { Op } from './scenario';

/** One random archive: the services over a real SQLite file, its canaries, and what happened to it. */
export interface World {
  services: Services;
  archive: Archive;
  path: string;
  book: CanaryBook;
  /** One line per operation, for the failure message. */
  log: string[];
  trioId: string;
  /** The TRIO's agenda owners, who approve referater. */
  coOwners: string[];
  inputIds: string[];
  plannedMeetings: number;
  /** Operations the services refused for a reason of the domain (a locked referat, a decision on the item …). */
  refused: number;
}

/** What the archive holds right now, read through the services. */
export interface Snapshot {
  meetings: MeetingDetail[];
  items: (AgendaItem & { startsAt: string })[];
  actions: Action[];
}

const TRIO_MEETINGS = ['2026-09-01T14:00', '2026-10-06T14:00', '2027-01-12T14:00'];

/**
 * The same small start for every archive: a TRIO with three agenda owners' roles and three meetings, an
 * udviklingsråd with one meeting (sager go across forums), an open and a confidential item on every
 * agenda, and a series of lyttemøder with inputs that can be sent to an agenda. It is built once and
 * copied as a file for each archive.
 */
export async function createWorld(): Promise<World> {
  template ??= buildTemplate();
  const start = await template;
  const path = tempArchivePath();
  // With the day's backup beside it, as the template took it; a new one on every archive only costs time.
  cpSync(dirname(start.path), dirname(path), { recursive: true });
  const { services, archive } = servicesWithArchive(path);
  const log = [`Start: TRIO-møder ${TRIO_MEETINGS.map((s) => s.slice(0, 10)).join(', ')} og et udviklingsrådsmøde 2026-09-15, hvert med et åbent og et lukket punkt`];
  return { ...start.world, services, archive, path, book: start.world.book.clone(), log, inputIds: [...start.world.inputIds] };
}

let template: Promise<{ path: string; world: World }> | undefined;

async function buildTemplate(): Promise<{ path: string; world: World }> {
  const path = tempArchivePath();
  const { services, archive } = servicesWithArchive(path);
  const book = new CanaryBook();
  const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const raad = await must(services, 'forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Egeskolen' });
  const coOwners: string[] = [];
  for (const [name, role, agendaOwner] of [
    ['Eva Holm', 'Skoleleder', true],
    ['Ole Berg', 'TR (lærere)', true],
    ['Sara Dahl', 'AMR', false],
  ] as const) {
    const member = await must(services, 'members.add', { forumId: trio.id, name, role, fromDate: '2026-01-01', agendaOwner, chair: role === 'Skoleleder' });
    if (agendaOwner) coOwners.push(member.personId);
  }
  const world: World = { services, archive, path, book, log: [], trioId: trio.id, coOwners, inputIds: [], plannedMeetings: 0, refused: 0 };
  const starts = [...TRIO_MEETINGS.map((s) => [trio.id, s] as const), [raad.id, '2026-09-15T15:00'] as const];
  for (const [n, [forumId, startsAt]] of starts.entries()) {
    const meeting = await must(services, 'meetings.create', { forumId, title: `Møde ${n + 1}`, startsAt, durationMinutes: 90 });
    await must(services, 'agenda.addItem', { meetingId: meeting.id, ...itemText(world, false, n), type: 'droeftelse', minutes: 15 });
    await must(services, 'agenda.addItem', { meetingId: meeting.id, ...itemText(world, true, n), type: 'droeftelse', minutes: 15, confidential: true });
  }
  const series = await must(services, 'listening.createSeries', { title: 'Lyttemøder om arbejdstid', visitors: 'Kredsformanden og skolechefen' });
  const listening = await must(services, 'listening.planMeeting', { seriesId: series.id, school: 'Egeskolen', date: '2026-08-20', teacherGroup: 'Indskolingens lærere' });
  for (const text of ['Forberedelsestiden forsvinder i vikartimer.', 'Skolegården mangler voksne i frikvarteret.']) {
    const input = await must(services, 'listening.addInput', { meetingId: listening.id, text, themes: ['Arbejdstid'] });
    world.inputIds.push(input.id);
  }
  services.close();
  return { path, world };
}

export async function snapshot(services: Services): Promise<Snapshot> {
  const meetings: MeetingDetail[] = [];
  for (const forum of await must(services, 'forums.list', {})) {
    for (const summary of await must(services, 'meetings.list', { forumId: forum.id })) {
      meetings.push(await must(services, 'meetings.get', { meetingId: summary.id }));
    }
  }
  meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const items = meetings.flatMap((m) => m.items.map((item) => ({ ...item, startsAt: m.startsAt })));
  const actions = meetings.flatMap((m) => [...m.items.flatMap((i) => i.actions), ...m.otherActions]);
  return { meetings, items, actions };
}

function at<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Confidential content gets canaries; open content ordinary text. */
function text(world: World, secret: boolean, field: CanaryField, plain: string): string {
  return secret ? world.book.text(field) : plain;
}

function itemText(world: World, confidential: boolean, n: number) {
  return {
    title: text(world, confidential, 'TITEL', openText('punkt', n)),
    owner: text(world, confidential, 'ANSVARLIG', 'Skolelederen'),
    background: text(world, confidential, 'BAGGRUND', openText('baggrund', n)),
    announcedGiven: text(world, confidential, 'GIVET', openText('givet', n)),
    announcedOpen: text(world, confidential, 'DISKUSSION', openText('diskussion', n)),
  };
}

function itemFields(item: AgendaItem) {
  const { title, type, minutes, announcedColour, owner, background, announcedGiven, announcedOpen, confidential, sensitive } = item;
  return { itemId: item.id, title, type, minutes, announcedColour, owner, background, announcedGiven, announcedOpen, confidential, sensitive };
}

/** An action holds confidential content when its item is confidential, or when it came from one that is gone. */
function secretAction(world: World, snap: Snapshot, action: Action): boolean {
  const item = snap.items.find((i) => i.id === action.itemId);
  return item ? item.confidential : world.book.holdsSecret(`${action.what} ${action.who}`);
}

const label = (item: AgendaItem & { startsAt: string }) =>
  `${item.confidential ? 'lukket' : 'åbent'} punkt ${item.position} «${item.title}» (${item.startsAt.slice(0, 10)})`;

/**
 * Calls a method as the app would. A refusal the domain explains (a locked referat, an item with a
 * decision) is part of random use and is logged; an unexpected error fails the test.
 */
export async function attempt<M extends Method>(world: World, method: M, input: unknown): Promise<MethodResult<M> | null> {
  const result = await world.services.call(method, input);
  if (result.ok) return result.value;
  if (result.error.code === 'intern_fejl' || result.error.code === 'ukendt_metode' || result.error.code === 'arkivfejl') {
    throw new Error(`${method} fejlede uventet: ${result.error.message}`);
  }
  world.refused += 1;
  world.log.push(`     afvist (${method}): ${result.error.message}`);
  return null;
}

/** Applies one operation; returns false when there was nothing to apply it to. */
export async function applyOp(world: World, op: Op, index: number): Promise<boolean> {
  const { book } = world;
  book.op = index;
  const snap = await snapshot(world.services);
  const note = (line: string) => world.log.push(`#${index} ${line}`);
  const item = 'item' in op ? at(snap.items, op.item) : undefined;
  const meeting = 'meeting' in op ? at(snap.meetings, op.meeting) : undefined;
  const action = 'action' in op ? at(snap.actions, op.action) : undefined;

  switch (op.kind) {
    case 'addItem': {
      if (!meeting) return false;
      const fields = itemText(world, op.confidential, index);
      note(`nyt ${op.confidential ? 'lukket' : 'åbent'} punkt «${fields.title}» på mødet ${meeting.startsAt.slice(0, 10)}`);
      await attempt(world, 'agenda.addItem', {
        meetingId: meeting.id,
        ...fields,
        type: op.type,
        minutes: 10,
        announcedColour: op.type === 'beslutning' ? 'gul' : null,
        confidential: op.confidential,
        sensitive: op.confidential,
      });
      return true;
    }
    case 'rename': {
      if (!item) return false;
      const title = text(world, item.confidential, 'TITEL', openText('punkt', index));
      note(`${label(item)} omdøbes til «${title}»`);
      await attempt(world, 'agenda.updateItem', { ...itemFields(item), title });
      return true;
    }
    case 'confidential': {
      if (!item || item.confidential === op.on) return false;
      // Marking an item closed gives it new, confidential wording; opening it shares what it holds.
      const fields = itemText(world, op.on, index);
      // Its title, owner and background are replaced; what else it holds is shared from now on.
      const shared = op.on
        ? []
        : book.secretsIn(JSON.stringify([item.notes, item.forvarselNote, item.decision, item.actions, await actionNotes(world, item.actions), await must(world.services, 'comments.list', { itemId: item.id })]));
      note(
        op.on
          ? `${label(item)} lukkes og får titlen «${fields.title}»`
          : `${label(item)} åbnes igen som «${fields.title}»; frigives: ${shared.map((c) => c.token).join(', ') || 'intet'}`,
      );
      if (await attempt(world, 'agenda.updateItem', { ...itemFields(item), ...fields, confidential: op.on, sensitive: op.on })) {
        for (const canary of shared) canary.released = true;
      }
      return true;
    }
    case 'move':
      if (!item) return false;
      note(`${label(item)} flyttes til plads ${op.to + 1}`);
      await attempt(world, 'agenda.moveItem', { itemId: item.id, toPosition: op.to + 1 });
      return true;
    case 'remove':
      if (!item) return false;
      note(`${label(item)} fjernes fra dagsordenen (${item.actions.length} handlinger)`);
      await attempt(world, 'agenda.removeItem', { itemId: item.id });
      return true;
    case 'forvarsel': {
      if (!item) return false;
      const forvarsel = text(world, item.confidential, 'FORVARSEL', openText('forvarsel', index));
      note(`${label(item)}: forvarsel givet med noten «${forvarsel}»`);
      await attempt(world, 'agenda.confirmForvarsel', { itemId: item.id, note: forvarsel });
      return true;
    }
    case 'notes': {
      if (!item) return false;
      const notes = text(world, item.confidential, 'NOTER', openText('resumé', index));
      note(`${label(item)}: resumé «${notes}»`);
      await attempt(world, 'run.saveNotes', { itemId: item.id, notes });
      return true;
    }
    case 'comment': {
      if (!item) return false;
      const comment = text(world, item.confidential, 'KOMMENTAR', openText('kommentar', index));
      note(`${label(item)}: ${op.question ? 'spørgsmål' : 'kommentar'} «${comment}»`);
      await attempt(world, 'comments.add', { itemId: item.id, kind: op.question ? 'spoergsmaal' : 'kommentar', text: comment });
      return true;
    }
    case 'decide': {
      if (!item) return false;
      const s = item.confidential;
      const changed = item.announcedColour !== null && item.announcedColour !== op.colour;
      const decision = {
        itemId: item.id,
        colour: op.colour,
        text: text(world, s, 'BESLUTNING', openText('beslutning', index)),
        colourReason: changed ? text(world, s, 'FARVEBEGRUNDELSE', 'Ny viden kom frem på mødet') : '',
        decidedBy: text(world, s, 'BESLUTTER', 'Skolelederen'),
        // Who disagreed is as confidential as what they said.
        dissents: [
          {
            name: text(world, s, 'DISSENSNAVN', 'Hanne Berg'),
            role: text(world, s, 'DISSENSROLLE', 'TR (lærere)'),
            text: text(world, s, 'DISSENS', openText('dissens', index)),
            minorityStatement: index % 2 === 0,
          },
        ],
        involveHow: text(world, s, 'INDDRAGELSE', openText('inddragelse', index)),
        expectOfWhom: text(world, s, 'FORVENTNING', openText('forventning', index)),
      };
      note(`${label(item)}: beslutning «${decision.text}» (${op.colour})${op.finalize ? ', læst op og endelig' : ''}`);
      if ((await attempt(world, 'decisions.record', decision)) && op.finalize) {
        await attempt(world, 'decisions.readBack', { itemId: item.id });
        await attempt(world, 'decisions.finalize', { itemId: item.id });
      }
      return true;
    }
    case 'action': {
      if (!item) return false;
      const what = text(world, item.confidential, 'HVAD', openText('handling', index));
      note(`${label(item)}: handling «${what}»`);
      await attempt(world, 'actions.create', { itemId: item.id, what, who: text(world, item.confidential, 'HVEM', 'Pædagogen'), due: '2027-01-20', term: op.term });
      return true;
    }
    case 'meetingAction':
      if (!meeting) return false;
      note(`handling for hele mødet ${meeting.startsAt.slice(0, 10)}`);
      await attempt(world, 'actions.create', { meetingId: meeting.id, what: openText('fælles handling', index), who: 'Sekretæren' });
      return true;
    case 'split': {
      if (!action) return false;
      const s = secretAction(world, snap, action);
      const parts = Array.from({ length: op.parts }, (_, i) => ({
        what: text(world, s, 'DELHVAD', openText(`delhandling ${i + 1}`, index)),
        who: text(world, s, 'DELHVEM', 'Pædagogen'),
        due: null,
      }));
      note(`handlingen «${action.what}» deles i ${parts.map((p) => `«${p.what}»`).join(', ')}`);
      await attempt(world, 'actions.split', { actionId: action.id, parts });
      return true;
    }
    case 'actionStatus': {
      if (!action) return false;
      const s = secretAction(world, snap, action);
      const from = snap.meetings.find((m) => m.id === action.meetingId);
      const next = from && snap.meetings.find((m) => m.forumId === from.forumId && m.startsAt > from.startsAt);
      const update = {
        actionId: action.id,
        status: op.status,
        note: text(world, s, 'HANDLINGSNOTE', openText('statusnote', index)),
        dropReason: op.status === 'droppet' ? text(world, s, 'DROPBEGRUNDELSE', 'Ikke længere aktuelt') : '',
        // Followed up at the next meeting, the note and its history come back there and in its referat.
        meetingId: op.followedUp && next ? next.id : null,
        resolution: !op.problem || op.status === 'droppet' ? null : op.status === 'udfoert' ? 'loest' : 'ikke_loest',
      };
      note(
        `handlingen «${action.what}» får status ${op.status} med noten «${update.note}»` +
          (update.meetingId ? ` på mødet ${next?.startsAt.slice(0, 10) ?? ''}` : '') +
          (update.resolution ? ` (${update.resolution})` : ''),
      );
      await attempt(world, 'actions.update', update);
      return true;
    }
    case 'park':
      if (!item) return false;
      note(`${label(item)} parkeres og bæres videre til næste møde`);
      await attempt(world, 'run.park', { itemId: item.id });
      return true;
    case 'toAction': {
      if (!item) return false;
      const what = text(world, item.confidential, 'HVAD', openText('resten som handling', index));
      note(`${label(item)}: resten bliver til handlingen «${what}»`);
      await attempt(world, 'run.toAction', { itemId: item.id, what, who: text(world, item.confidential, 'HVEM', 'Pædagogen') });
      return true;
    }
    case 'link': {
      if (!item) return false;
      const earlier = at(
        snap.items.filter((e) => e.startsAt < item.startsAt),
        op.earlier,
      );
      if (!earlier) return false;
      note(`${label(item)} knyttes til ${label(earlier)}${item.sag ? ` (lægger sagen «${item.sag.title}» sammen)` : ''}`);
      await attempt(world, 'sager.link', { itemId: item.id, earlierItemId: earlier.id });
      return true;
    }
    case 'unlink': {
      const linked = at(
        snap.items.filter((i) => i.sag),
        op.item,
      );
      if (!linked) return false;
      note(`${label(linked)} tages ud af sagen «${linked.sag?.title ?? ''}»`);
      await attempt(world, 'sager.unlink', { itemId: linked.id });
      return true;
    }
    case 'renameSag': {
      const sag = at(
        snap.items.flatMap((i) => (i.sag ? [i.sag] : [])),
        op.item,
      );
      if (!sag) return false;
      const title = openText('sag', index);
      note(`sagen «${sag.title}» omdøbes til «${title}»`);
      await attempt(world, 'sager.rename', { sagId: sag.id, title });
      return true;
    }
    case 'present':
      // Applied by the runner, which checks the projector at once.
      return item !== undefined;
    case 'end':
      if (!meeting) return false;
      note(`mødet ${meeting.startsAt.slice(0, 10)} afsluttes`);
      await attempt(world, 'run.end', { meetingId: meeting.id });
      return true;
    case 'approve':
      if (!meeting) return false;
      note(`referatet af ${meeting.startsAt.slice(0, 10)} godkendes${meeting.status === 'afholdt' ? '' : ' (mødet afsluttes først)'}`);
      if (meeting.status !== 'afholdt') await attempt(world, 'run.end', { meetingId: meeting.id });
      for (const personId of world.coOwners) {
        if (!(await attempt(world, 'referat.approve', { meetingId: meeting.id, personId }))) break;
      }
      return true;
    case 'newVersion':
      if (!meeting) return false;
      note(`ny version af referatet af ${meeting.startsAt.slice(0, 10)}`);
      await attempt(world, 'referat.newVersion', { meetingId: meeting.id, reason: 'Rettelse efter ønske fra forummet' });
      return true;
    case 'sendInput': {
      const inputId = at(world.inputIds, op.input);
      if (!inputId || !meeting) return false;
      const title = openText('punkt fra lyttemødet', index);
      note(`et input fra lyttemødet sendes til mødet ${meeting.startsAt.slice(0, 10)} som «${title}»`);
      await attempt(world, 'listening.sendInput', { inputId, meetingId: meeting.id, title, type: 'droeftelse', minutes: 10 });
      return true;
    }
    case 'planMeeting': {
      if (world.plannedMeetings >= 2) return false;
      world.plannedMeetings += 1;
      const startsAt = `2027-0${world.plannedMeetings + 1}-09T14:00`;
      note(`nyt TRIO-møde ${startsAt.slice(0, 10)} (parkerede punkter bæres med)`);
      await attempt(world, 'meetings.create', { forumId: world.trioId, title: `Planlagt møde ${world.plannedMeetings}`, startsAt, durationMinutes: 90 });
      return true;
    }
    case 'exchange':
      // Applied by the runner: export, import into a fresh archive and check it there.
      return true;
  }
}

async function actionNotes(world: World, actions: readonly Action[]): Promise<string[]> {
  const notes: string[] = [];
  for (const a of actions) {
    for (const n of await must(world.services, 'actions.notes', { actionId: a.id })) notes.push(n.note);
    notes.push(a.dropReason ?? '');
  }
  return notes;
}

/** The item an operation picks, for the runner's own steps (the projector). */
export function pickItem(snap: Snapshot, n: number): (AgendaItem & { startsAt: string }) | undefined {
  return at(snap.items, n);
}
