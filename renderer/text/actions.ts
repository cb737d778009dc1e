import { ACTION_STATUS_LABELS } from '../../shared/domain/actions';
import { wholeNumber } from '../../shared/wholeNumber';

/** The actions overview ("Opfølgning"): Danish strings. */
export const actionsText = {
  title: 'Opfølgning',
  intro:
    'Alle handlinger på tværs af fora. Overskredne står øverst. Åbne, igangværende og forsinkede handlinger kommer igen under «Opfølgning fra sidst» på næste møde, indtil de er udført eller droppet.',
  filters: 'Filtrér handlingerne',
  forum: 'Forum',
  allForums: 'Alle fora',
  who: 'Hvem',
  whoHint: 'Del af et navn eller en rolle',
  status: 'Status',
  allOpen: 'Alle åbne (åben, i gang, forsinket)',
  allStatuses: 'Alle statusser',
  statusLabels: ACTION_STATUS_LABELS,
  dueBefore: 'Frist før',
  clearFilters: 'Nulstil filtre',
  list: 'Handlinger',
  /** «Viser 50 af 1.234 handlinger.» once the count has arrived; the list itself never waits for it. */
  count: (shown: number, more: boolean, total: number | undefined) =>
    more
      ? total === undefined
        ? `Viser de første ${shown} handlinger.`
        : `Viser ${shown} af ${wholeNumber(total)} handlinger.`
      : `${shown} ${shown === 1 ? 'handling' : 'handlinger'}.`,
  loadMore: 'Vis flere handlinger',
  loading: 'Henter handlinger …',
  none: 'Ingen handlinger passer til filtrene.',
  overdue: 'Overskredet',
  noDue: 'Ingen frist',
  dueOn: (date: string) => `Frist ${date}`,
  splitInto: (n: number) => `Delt i ${n}`,
  open: (what: string) => `Vis «${what}»`,
  detailTitle: 'Handlingen',
  close: 'Luk',
  from: (forum: string, meeting: string | null, item: string | null) => [forum, meeting, item].filter(Boolean).join(' · '),
  droppedBecause: (reason: string) => `Droppet: ${reason}`,
  newStatus: 'Ny status',
  note: 'Note',
  noteHint: 'Hvordan går det? Noten gemmes med dagens dato.',
  dropReason: 'Hvorfor droppes handlingen?',
  saveStatus: 'Gem status',
  saved: 'Status er gemt.',
  notes: 'Noter',
  noNotes: 'Ingen noter endnu.',
  noteLine: (from: string, to: string) => (from === to ? to : `${from} → ${to}`),
  split: 'Del i mindre handlinger',
  splitHint: 'Hver del bliver en handling for sig i samme forum og møde. Handlingen her sættes i gang.',
  part: (n: number) => `Del ${n}`,
  partWhat: (n: number) => `Hvad (del ${n})`,
  partWho: (n: number) => `Hvem (del ${n})`,
  partDue: (n: number) => `Frist (del ${n})`,
  addPart: 'Tilføj en del',
  removePart: (n: number) => `Fjern del ${n}`,
  doSplit: 'Del handlingen',
  splitDone: (n: number) => `Handlingen er delt i ${n}.`,
  cannotChange: 'Handlingen er udført eller droppet; vælg en anden status for at åbne den igen.',
};
