import { addDays, addMinutes, format, nextTuesday, parseISO, previousTuesday, subDays } from 'date-fns';
import { da } from 'date-fns/locale';
import { contract, type Method, type MethodResult } from '../../shared/api/contract';
import { demoForumIds, deleteForum } from '../archive/queries/forums';
import { setAgendaSent } from '../archive/queries/meetings';
import { sagIdsOfForum } from '../archive/queries/sager';
import { deleteDemoSeries, markSeriesAsDemo } from '../archive/queries/listening';
import { actionHandlers } from './actions';
import { agendaHandlers } from './agenda';
import type { ServiceContext } from './context';
import { decisionHandlers } from './decisions';
import { listeningHandlers } from './listening';
import { ServiceError } from './errors';
import { createForum, forumHandlers } from './forums';
import type { Handlers } from './handler';
import { meetingHandlers } from './meetings';
import { memberHandlers } from './members';
import { participantHandlers } from './participants';
import { runHandlers } from './run';
import { dissolveIfAlone, sagHandlers } from './sager';

/**
 * A demo TRIO at the fictional Bøgely Skole: one held meeting with decisions in all four colours, a
 * dissent, actions and a confidential item, and one upcoming meeting that takes up a matter from the
 * held one, so the two items form a sag. Dates follow today, so the demo
 * always shows a recent meeting and a coming one. It goes through the same validation as user input.
 */
const steps: Partial<Handlers<Method>> = {
  ...forumHandlers,
  ...memberHandlers,
  ...meetingHandlers,
  ...participantHandlers,
  ...agendaHandlers,
  ...decisionHandlers,
  ...actionHandlers,
  ...runHandlers,
  ...sagHandlers,
  ...listeningHandlers,
};

/** Validates like dispatch and calls a write handler; all demo steps are writes, so all are synchronous. */
function run<M extends Method>(ctx: ServiceContext, method: M, raw: unknown): MethodResult<M> {
  const handler = steps[method] as ((input: unknown, ctx: ServiceContext) => MethodResult<M>) | undefined;
  if (!handler || !contract[method].writes) throw new Error(`Demoen kan ikke kalde ${method}.`);
  return handler(contract[method].input.parse(raw), ctx);
}

const day = (date: Date) => format(date, 'yyyy-MM-dd');
const at14 = (date: Date) => `${day(date)}T14:00`;

export function installDemo(ctx: ServiceContext): { forumId: string } {
  const { db } = ctx.archive;
  if (demoForumIds(db).length > 0) throw new ServiceError('konflikt', 'Demoen er allerede i arkivet.');
  const today = ctx.now();
  // Meetings on Tuesdays, like a real TRIO: the last one a few weeks ago, the next one a week or two ahead.
  const held = previousTuesday(subDays(today, 14));
  const upcoming = nextTuesday(addDays(today, 6));
  const memberSince = day(subDays(held, 90));
  // What was decided and agreed at the held meeting carries that meeting's time, and the follow-up a date
  // between then and today: a sag whose every step is dated today would not look like a real one.
  const atMeeting: ServiceContext = { ...ctx, now: () => addMinutes(parseISO(at14(held)), 85) };
  const daysAfter: ServiceContext = { ...ctx, now: () => addDays(parseISO(at14(held)), 4) };

  const forum = createForum(ctx, contract['forums.create'].input.parse({
    kind: 'trio',
    name: 'TRIO',
    school: 'Bøgely Skole (demo)',
    purpose:
      'TRIO’en drøfter arbejdsvilkår og arbejdsmiljø tæt på kerneopgaven, forbereder beslutninger i god tid og følger sagerne til dørs.',
    mandate: 'Skoleleder, TR for lærere og pædagoger samt AMR mødes en gang om måneden. Skoleleder og TR laver dagsordenen sammen.',
    defaultPlace: 'Mødelokale 2',
    defaultMinutes: 90,
  }), true);
  const forumId = forum.id;

  const formerTr = run(ctx, 'members.add', { forumId, name: 'Peter Friis', role: 'TR (lærere)', fromDate: memberSince, agendaOwner: true });
  run(ctx, 'members.end', { memberId: formerTr.id, toDate: day(subDays(held, 30)) });
  run(ctx, 'members.add', { forumId, name: 'Mette Lund', role: 'Skoleleder', fromDate: memberSince, agendaOwner: true, chair: true });
  run(ctx, 'members.add', { forumId, name: 'Jonas Holm', role: 'TR (lærere)', fromDate: day(subDays(held, 29)), agendaOwner: true });
  run(ctx, 'members.add', { forumId, name: 'Sara Nielsen', role: 'TR (pædagoger)', fromDate: memberSince });
  const amr = run(ctx, 'members.add', { forumId, name: 'Ali Hassan', role: 'AMR', fromDate: memberSince });

  const past = run(ctx, 'meetings.create', {
    forumId,
    title: `TRIO-møde ${format(held, 'MMMM', { locale: da })}`,
    startsAt: at14(held),
    durationMinutes: 90,
    place: 'Mødelokale 2',
    purpose: 'Aftale tilsyn og forberedelsestid for foråret, og blive klogere på sygefraværet i indskolingen.',
  });
  run(ctx, 'participants.set', { meetingId: past.id, personId: amr.personId, role: 'AMR', attendance: 'afbud' });
  const add = (fields: Record<string, unknown>) => run(ctx, 'agenda.addItem', { meetingId: past.id, owner: '', ...fields });

  add({ title: 'Velkommen, formål og spilleregler', type: 'orientering', minutes: 5, owner: 'Mette Lund' });
  const skema = add({
    title: 'Skemalægning for foråret',
    type: 'beslutning',
    minutes: 5,
    announcedColour: 'roed',
    owner: 'Mette Lund',
    background: 'Forvaltningen har fastlagt nye rammer for understøttende undervisning. Ledelsen orienterer om, hvordan skemaet lægges.',
  });
  const tilsyn = add({
    title: 'Ny model for tilsyn i frikvartererne',
    type: 'beslutning',
    minutes: 20,
    announcedColour: 'gul',
    owner: 'Mette Lund',
    background: 'Teamene er blevet hørt på deres møder i sidste uge. Input samles her, før ledelsen beslutter.',
  });
  const forberedelse = add({
    title: 'Fælles forberedelsestid i teamene',
    type: 'beslutning',
    minutes: 25,
    announcedColour: 'groen',
    owner: 'Jonas Holm',
    background: 'Rammen er 45 minutter om ugen pr. team. Inden for den beslutter TRIO’en, hvordan tiden placeres.',
  });
  const fravaer = add({
    title: 'Trivsel og sygefravær i indskolingen',
    type: 'droeftelse',
    minutes: 15,
    announcedColour: 'blaa',
    owner: 'Ali Hassan',
    background: 'Fraværet er steget siden efterårsferien. Vi ved endnu ikke hvorfor.',
  });
  const vikar = add({
    title: 'Vikardækning: erfaringer fra efteråret',
    type: 'beslutning',
    minutes: 10,
    announcedColour: 'gul',
    owner: 'Mette Lund',
    background: 'Mange timer er dækket af skiftende vikarer. Hvad betyder det for kollegerne og for eleverne?',
  });
  const personalesag = add({
    title: 'Personalesag i indskolingen',
    type: 'orientering',
    minutes: 5,
    owner: 'Mette Lund',
    background: 'Orientering om en konkret sag. Behandles som lukket punkt.',
    confidential: true,
    sensitive: true,
  });
  add({ title: 'Eventuelt', type: 'eventuelt', minutes: 5 });

  run(atMeeting, 'decisions.record', {
    itemId: skema.id,
    colour: 'roed',
    decidedBy: 'Skolelederen',
    text: 'Skemaet lægges med to lektioner understøttende undervisning om ugen i alle klasser fra 1. februar.',
  });
  run(atMeeting, 'decisions.record', {
    itemId: tilsyn.id,
    colour: 'gul',
    text: 'Tilsynet fordeles på faste zoner med to voksne pr. zone. Teamenes ønske om at slippe tilsyn før 1. lektion er imødekommet.',
  });
  run(atMeeting, 'decisions.record', {
    itemId: forberedelse.id,
    colour: 'groen',
    text: 'Den fælles forberedelsestid ligger tirsdag kl. 14.15–15.00 i alle team.',
    dissents: [
      {
        name: 'Sara Nielsen',
        role: 'TR (pædagoger)',
        text: 'Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen og ønsker en anden placering.',
        minorityStatement: true,
      },
    ],
  });
  run(atMeeting, 'decisions.record', {
    itemId: fravaer.id,
    colour: 'blaa',
    text: 'Ingen beslutning. AMR og ledelsen samler fraværstal og taler med teamene før næste møde.',
  });
  // The sag's first step has its decision too, so the register leads to the sag from the start.
  run(atMeeting, 'decisions.record', {
    itemId: vikar.id,
    colour: 'gul',
    text: 'Ledelsen vil samle vikartimerne hos faste vikarer. Teamenes erfaringer indgår, og forslaget lægges frem på næste møde.',
  });
  run(atMeeting, 'actions.create', { itemId: tilsyn.id, what: 'Sende den nye tilsynsplan til alle medarbejdere', who: 'Mette Lund', due: day(subDays(today, 7)) });
  run(atMeeting, 'actions.create', { itemId: forberedelse.id, what: 'Finde en løsning for pædagogernes deltagelse', who: 'Jonas Holm og Sara Nielsen', due: day(addDays(today, 10)) });
  const done = run(atMeeting, 'actions.create', { itemId: fravaer.id, what: 'Trække fraværstal for indskolingen', who: 'Ali Hassan', due: day(subDays(today, 3)) });
  run(ctx, 'actions.markDone', { actionId: done.id });
  run(atMeeting, 'run.saveNotes', {
    itemId: vikar.id,
    notes: 'Teamene oplever, at skiftende vikarer giver uro i klasserne og ekstra arbejde for kollegerne. Ledelsen kommer med et forslag.',
  });
  const proposal = run(atMeeting, 'actions.create', {
    itemId: vikar.id,
    what: 'Lave et forslag til omlægning af vikardækningen',
    who: 'Mette Lund',
    due: day(addDays(upcoming, -2)),
  });
  run(daysAfter, 'actions.update', { actionId: proposal.id, status: 'igang', note: 'Forslaget er vendt med teamkoordinatorerne.' });
  for (const item of [skema, tilsyn, forberedelse, fravaer, vikar]) run(atMeeting, 'decisions.finalize', { itemId: item.id });
  run({ ...ctx, now: () => subDays(parseISO(at14(held)), 7) }, 'agenda.confirmForvarsel', {
    itemId: personalesag.id,
    note: 'TR og AMR orienteret i ugen før mødet.',
  });
  setAgendaSent(db, past.id, subDays(held, 7).toISOString());
  run(atMeeting, 'run.end', { meetingId: past.id });

  const next = run(ctx, 'meetings.create', {
    forumId,
    title: 'TRIO-møde',
    startsAt: at14(upcoming),
    durationMinutes: 90,
    place: 'Mødelokale 2',
    purpose: 'Følge op på tilsyn og forberedelsestid, og se på fraværstallene sammen.',
    useTemplate: true,
  });
  const omlaegning = run(ctx, 'agenda.addItem', {
    meetingId: next.id,
    title: 'Omlægning af vikardækning',
    type: 'beslutning',
    minutes: 15,
    announcedColour: 'gul',
    owner: 'Mette Lund',
    background: 'Forslag om at samle vikardækningen hos to faste vikarer. Kan påvirke enkelte lærerskemaer.',
    sensitive: true,
  });
  // A proposal that can move teachers' timetables is given forvarsel, as the forum's norms ask.
  run(ctx, 'agenda.confirmForvarsel', { itemId: omlaegning.id, note: 'TR er orienteret om forslaget og har talt med de berørte lærere.' });
  // The same matter at two meetings: the demo shows a sag's timeline from the start.
  const { sag } = run(ctx, 'sager.link', { itemId: omlaegning.id, earlierItemId: vikar.id });
  run(ctx, 'sager.rename', { sagId: sag.id, title: 'Vikardækning' });
  installListeningDemo(ctx);
  return { forumId };
}

/**
 * A small series of lyttemøder: one held at the demo school with its inputs themed and sorted (one of them
 * a quote), one planned at another school. No names, as in a real series.
 */
function installListeningDemo(ctx: ServiceContext): void {
  const today = ctx.now();
  const series = run(ctx, 'listening.createSeries', {
    title: 'Lyttemøder om arbejdstid (demo)',
    purpose: 'Kredsen og forvaltningen vil høre, hvordan arbejdstidsaftalen virker i hverdagen på skolerne.',
    visitors: 'Kredsformanden og skolechefen',
  });
  markSeriesAsDemo(ctx.archive.db, series.id);
  const held = run(ctx, 'listening.planMeeting', {
    seriesId: series.id,
    school: 'Bøgely Skole (demo)',
    date: day(subDays(today, 10)),
    startTime: '14:30',
    teacherGroup: 'Lærerne på mellemtrinnet',
  });
  run(ctx, 'listening.planMeeting', {
    seriesId: series.id,
    school: 'Kildeskolen (demo)',
    date: day(addDays(today, 12)),
    startTime: '15:00',
    teacherGroup: 'Lærerne i udskolingen',
  });
  const inputs: { text: string; themes: string[]; isQuote?: boolean; destination: string; note?: string }[] = [
    {
      text: 'Forberedelsestiden forsvinder, når vi dækker vikartimer.',
      themes: ['Arbejdstid', 'Vikardækning'],
      destination: 'kommune_kreds',
      note: 'Tages op i dialogen om arbejdstidsaftalen.',
    },
    {
      text: 'Jeg når aldrig at evaluere et forløb, før det næste starter.',
      themes: ['Arbejdstid'],
      isQuote: true,
      destination: 'lokalt',
      note: 'Ledelsen lægger evalueringsdage ind i årsplanen.',
    },
    { text: 'Teammøderne bliver aflyst, når der mangler vikarer.', themes: ['Vikardækning', 'Teamsamarbejde'], destination: 'lokalt' },
    {
      text: 'Opgaveoversigten kommer først i september.',
      themes: ['Arbejdstid'],
      destination: 'lokalt',
      note: 'Skolen lover oversigten før sommerferien.',
    },
    { text: 'Inklusionen kræver to voksne i flere timer, end budgettet rækker til.', themes: ['Inklusion'], destination: 'kommune_kreds' },
    { text: 'Personalerummet er for lille til alle på én gang.', themes: [], destination: 'parkeret', note: 'Venter på ombygningen.' },
  ];
  for (const { destination, note, ...input } of inputs) {
    const added = run(ctx, 'listening.addInput', { meetingId: held.id, ...input });
    run(ctx, 'listening.sortInput', { inputId: added.id, destination, note: note ?? '' });
  }
  run(ctx, 'listening.markHeld', { meetingId: held.id, held: true, participantCount: 9 });
}

/** Removes every demo forum with its meetings, items, decisions, actions and themes, and the demo series. */
export function removeDemo(ctx: ServiceContext): { removed: number } {
  const ids = demoForumIds(ctx.archive.db);
  for (const id of ids) {
    const sager = sagIdsOfForum(ctx.archive.db, id);
    deleteForum(ctx.archive.db, id);
    // A sag shared with the user's own forums stays while two of its items are left.
    for (const sagId of sager) dissolveIfAlone(ctx.archive.db, sagId);
  }
  deleteDemoSeries(ctx.archive.db);
  // People who only existed in the demo go too.
  ctx.archive.db
    .prepare(
      'DELETE FROM person WHERE id NOT IN (SELECT person_id FROM forum_member) AND id NOT IN (SELECT person_id FROM meeting_participant)',
    )
    .run();
  return { removed: ids.length };
}

export const demoHandlers: Handlers<'demo.install' | 'demo.remove'> = {
  'demo.install': (_input, ctx) => installDemo(ctx),
  'demo.remove': (_input, ctx) => removeDemo(ctx),
};
