import type { SagEntry } from '../../../shared/api/methods/sager';
import { ACTION_STATUS_LABELS } from '../../../shared/domain/actions';
import type { ColourDefinition } from '../../../shared/domain/colours';
import { SAG_STEP_LABELS } from '../../../shared/domain/sager';
import { variantFlag } from '../args';
import { count, type Command } from '../command';
import { shortIds } from '../ids';
import { findSagId, sagerInArchive } from '../lookup';
import { columns, meetingTime } from './table';

export const visSag: Command = {
  name: 'vis-sag',
  synopsis: '[--variant delt|fuld]',
  summary: 'Vis en sags forløb på tværs af møder og fora; uden sags-id vises arkivets sager',
  flags: [
    ['--variant delt|fuld', 'delt (standard): lukkede punkter står kun som «Lukket punkt» med tid og sted'],
    ['', 'fuld: også lukkede punkters titel, noter, beslutning og handlinger (fortroligt)'],
  ],
  notes: [
    'Sags-id\'et står forrest i linjen, når vis-sag køres uden sags-id; de første tegn er nok.',
    'Forløbet viser hvert punkt i mødernes rækkefølge med dets trin, beslutning og handlinger.',
  ],
  options: ['variant'],
  positionals: ['sags-id'],
  wordsOptional: true,
  createsArchive: false,
  async run({ values, positionals, open, out, err }) {
    const variant = values.variant === undefined ? 'delt' : variantFlag(values, { delt: 'uden lukkede punkter', fuld: 'med lukkede punkter' });
    const session = open();
    const [typed] = positionals;
    if (typed === undefined) {
      const sager = await sagerInArchive(session);
      if (sager.length === 0) err.write('Arkivet har ingen sager endnu. En sag opstår, når et punkt knyttes til et tidligere punkt.\n');
      const short = shortIds(sager.map((s) => s.id));
      const rows = sager.map((s) => [short(s.id), s.title, count(s.itemCount, 'punkt', 'punkter'), period(s.firstAt, s.lastAt)]);
      for (const line of columns(rows)) out(line);
      return;
    }
    const sagId = await findSagId(session, typed);
    // Without --variant fuld the service returns the redaction boundary's shared timeline.
    const timeline = await session.call('sager.get', { sagId, includeConfidential: variant === 'fuld' });
    out(`Sag: ${timeline.title} (${count(timeline.entries.length, 'punkt', 'punkter')})`);
    if (variant === 'fuld' && timeline.entries.some((e) => e.confidential)) out('Fortroligt: forløbet viser lukkede punkter.');
    for (const entry of timeline.entries) {
      out('');
      for (const line of entryLines(entry)) out(line);
    }
  },
};

/** «2026-09-01 – 2026-12-01», or one date when the sag has been on one day's agendas. */
function period(first: string, last: string): string {
  return first.slice(0, 10) === last.slice(0, 10) ? first.slice(0, 10) : `${first.slice(0, 10)} – ${last.slice(0, 10)}`;
}

const colourName = (colour: ColourDefinition) => `${colour.label} (${colour.code})`;

/** A text the user wrote, on indented lines: its own line breaks kept, blank lines left out. */
function block(label: string, text: string, indent = '  '): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return [];
  const [first = '', ...rest] = lines;
  const hang = ' '.repeat(label.length + 2);
  return [`${indent}${label}: ${first}`, ...rest.map((line) => `${indent}${hang}${line}`)];
}

function entryLines(entry: SagEntry): string[] {
  const steps = entry.steps.map((step) => SAG_STEP_LABELS[step]).join(', ');
  const lines = [
    `${meetingTime(entry.meetingStartsAt)}  ${entry.forumName}, ${entry.school} · ${entry.meetingTitle}`,
    `  Punkt: ${entry.itemTitle}${entry.confidential && !entry.hidden ? ' (lukket punkt)' : ''}${steps === '' ? '' : `  [${steps}]`}`,
  ];
  if (entry.hidden) {
    lines.push('  Indholdet af lukkede punkter vises kun med --variant fuld.');
    return lines;
  }
  if (entry.announcedColour !== null) lines.push(`  Forudmeldt farve: ${colourName(entry.announcedColour)}`);
  lines.push(...block('Noter', entry.notes));
  if (entry.decision !== null) {
    const d = entry.decision;
    const kind = d.outcome === 'afklaring_uden_enighed' ? 'Afklaring uden enighed' : 'Beslutning';
    lines.push(...block(`${kind}, ${colourName(d.colour)}${d.final ? '' : ', udkast'}`, d.text === '' ? '(ingen tekst)' : d.text));
    lines.push(...block('Uenighed', d.dissent));
  }
  for (const action of entry.actions) {
    const details = [action.who.trim(), action.due === null ? '' : `senest ${action.due}`].filter((part) => part !== '').join(', ');
    lines.push(`  Handling: ${action.what}${details === '' ? '' : ` (${details})`} – ${ACTION_STATUS_LABELS[action.status]}`);
    for (const note of action.notes) lines.push(...block(`${note.createdAt.slice(0, 10)}, ${ACTION_STATUS_LABELS[note.statusTo]}`, note.note, '    '));
  }
  return lines;
}
