import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';
import type { HistoryLine, Novelty } from '../../shared/api/methods/comments';
import type { CommentKind } from '../../shared/domain/comments';

/** «7. dec. kl. 10.14» */
function when(iso: string): string {
  return format(parseISO(iso), "d. MMM 'kl.' HH.mm", { locale: da });
}

/** What the history calls an item's and a decision's fields (shared/records/meetingFields.ts), in Danish. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'titel',
  type: 'type',
  minutes: 'tidsramme',
  announcedColour: 'varslet farve',
  owner: 'ansvarlig',
  background: 'baggrund',
  announcedGiven: 'det givne',
  announcedOpen: 'det, der er til diskussion',
  confidential: 'lukket punkt',
  sensitive: 'forvarsel',
  forvarselAt: 'forvarsel',
  forvarselNote: 'forvarsel',
  addedLate: 'sent punkt',
  consentBy: 'samtykke',
  consentAt: 'samtykke',
  notes: 'noter',
  carriedFromItemId: 'flyttet fra',
  sagId: 'sag',
  outcome: 'udfald',
  colour: 'farve',
  colourReason: 'begrundelse for farven',
  text: 'beslutningstekst',
  decidedBy: 'hvem beslutter',
  dissent: 'dissens',
  recordedAt: 'tidspunkt',
  finalAt: 'genlæsning',
};

function fieldList(fields: readonly string[]): string {
  const names = [...new Set(fields.map((f) => FIELD_NAMES[f] ?? 'andet'))];
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

export const commentsText = {
  heading: 'Kommentarer og spørgsmål',
  none: 'Ingen har kommenteret punktet endnu.',
  kind: { kommentar: 'Kommentar', spoergsmaal: 'Spørgsmål' } satisfies Record<CommentKind, string>,
  kindLabel: 'Slags',
  textLabel: 'Din kommentar eller dit spørgsmål',
  editLabel: 'Ret din kommentar',
  add: 'Tilføj',
  save: 'Gem',
  cancel: 'Fortryd',
  edit: 'Ret',
  remove: 'Fjern',
  removeLabel: (kind: CommentKind) => (kind === 'spoergsmaal' ? 'Fjern dit spørgsmål' : 'Fjern din kommentar'),
  editAria: (kind: CommentKind) => (kind === 'spoergsmaal' ? 'Ret dit spørgsmål' : 'Ret din kommentar'),
  added: 'Kommentaren er tilføjet.',
  saved: 'Kommentaren er gemt.',
  removed: 'Kommentaren er fjernet.',
  author: (name: string | null, mine: boolean) => (mine ? (name ? `${name} (dig)` : 'Dig') : (name ?? 'Et andet medlem')),
  written: (iso: string) => when(iso),
  changed: (iso: string) => `rettet ${when(iso)}`,
  answered: 'Besvaret',
  open: 'Ubesvaret',
  markAnswered: 'Markér som besvaret',
  markOpen: 'Markér som ubesvaret',
  // Run mode: the facilitator sees them on their own screen, not the projector unless they choose.
  runHeading: (count: number, open: number) => `Kommentarer og spørgsmål (${count}${open > 0 ? `, ${open} ubesvarede` : ''})`,
  show: 'Vis kommentarer og spørgsmål',
  hide: 'Skjul kommentarer og spørgsmål',
  projectorHint: 'Skærmen kan ses på projektoren: kommentarerne vises først, når du vælger det.',
};

export const newsText = {
  heading: 'Nyt siden sidst',
  new: 'Nyt',
  changed: 'Ændret',
  novelty: (n: Novelty) => (n === 'nyt' ? 'Nyt' : n === 'aendret' ? 'Ændret' : ''),
  // Only the words «Nyt» and «Ændret» on the row: the row's button already names the item.
  itemNovelty: (n: Novelty) => (n === 'nyt' ? 'Nyt' : 'Ændret'),
  decisionNovelty: (n: Novelty) => (n === 'nyt' ? 'Ny beslutning' : 'Beslutning ændret'),
  newComments: (count: number) => (count === 1 ? '1 ny kommentar' : `${count} nye kommentarer`),
  seenAt: (iso: string | null) => (iso === null ? 'Du har ikke markeret dagsordenen som set på denne computer.' : `Du så sidst dagsordenen ${when(iso)}.`),
  markSeen: 'Markér som set',
  nothingNew: 'Intet nyt fra de andre siden da.',
  someNew: (count: number) => (count === 1 ? '1 punkt har nyt fra de andre.' : `${count} punkter har nyt fra de andre.`),
};

export const historyText = {
  heading: 'Historik',
  none: 'Ingen ændringer endnu fra de delte dokumenter.',
  line: (h: HistoryLine) => {
    const who = h.personName ?? 'Et medlem';
    const what = h.record === 'beslutning' ? (h.added ? 'skrev beslutningen' : `ændrede beslutningens ${fieldList(h.fields)}`) : h.added ? 'tilføjede punktet' : `ændrede ${fieldList(h.fields)}`;
    return `${who} ${what}, ${when(h.at)}`;
  },
};
