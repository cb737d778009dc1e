import { ACTION_STATUS_LABELS } from '../../shared/domain/actions';
import { SAG_STEP_LABELS } from '../../shared/domain/sager';

const items = (n: number) => (n === 1 ? '1 punkt' : `${n} punkter`);

/** Sager: the item editor's sag section and the sag's timeline. Danish strings. */
export const sagText = {
  // The item editor
  section: 'Sag',
  flag: (title: string) => `Sag: ${title}`,
  partOf: (title: string, n: number) => `Del af sagen «${title}» (${items(n)})`,
  showTimeline: 'Vis sagens forløb',
  unlink: 'Fjern fra sagen',
  unlinked: 'Punktet er taget ud af sagen.',
  dissolved: 'Punktet er taget ud, og sagen er opløst, fordi den kun havde ét punkt tilbage.',
  linkTitle: 'Knyt til et tidligere punkt',
  linkIntro: 'Har sagen været på et tidligere møde, i dette eller et andet forum? Knyt punktet til det, så forløbet kan følges.',
  search: 'Søg i tidligere punkter',
  searchHint: 'Skriv en del af punktets titel.',
  candidates: 'Tidligere punkter',
  loading: 'Henter tidligere punkter …',
  noCandidates: 'Ingen tidligere punkter passer.',
  noEarlier: 'Der er ingen punkter på tidligere møder endnu.',
  moreCandidates: (shown: number) => `Viser de ${shown} nyeste. Skriv en del af titlen for at finde andre.`,
  link: 'Knyt',
  linkName: (title: string, forum: string, date: string) => `Knyt til «${title}» (${forum}, ${date})`,
  inSag: (title: string) => `i sagen «${title}»`,
  decided: 'beslutning',
  confidential: 'Lukket punkt',
  linked: (title: string) => `Punktet er knyttet til sagen «${title}».`,
  merged: (from: string, into: string) => `Sagerne er lagt sammen: «${from}» er nu en del af sagen «${into}».`,

  // The timeline
  backToArchive: 'Arkiv',
  kicker: 'Sag',
  summary: (n: number, forums: number, from: string, to: string) =>
    `${items(n)} i ${forums === 1 ? 'ét forum' : `${forums} fora`} · ${from === to ? from : `${from} – ${to}`}`,
  journey: 'Sagens vej',
  notYet: 'Endnu ikke',
  timeline: 'Forløbet',
  stepLabels: SAG_STEP_LABELS,
  stepsFor: (title: string) => `Trin for «${title}»`,
  openMeeting: (title: string, date: string) => `Åbn mødet ${title}, ${date}`,
  coming: 'Kommende møde',
  announced: 'Varslet farve',
  notes: 'Resumé',
  decision: 'Beslutning',
  draft: 'Udkast, ikke læst op',
  noAgreement: 'Afklaring uden enighed',
  dissent: 'Dissens',
  actions: 'Handlinger',
  due: (date: string) => `frist ${date}`,
  status: (label: string) => `Status: ${label}`,
  statusLabels: ACTION_STATUS_LABELS,
  hidden: 'Indholdet af lukkede punkter vises ikke. Slå det til øverst på siden.',
  showConfidential: 'Vis også indholdet af lukkede punkter',
  showConfidentialHint: 'Lukkede punkter er fortrolige. Slå det kun til, når ingen uvedkommende kan se skærmen.',
  rename: 'Sagens titel',
  renameHint: 'Et kort navn for sagen, som alle kan genkende.',
  saveTitle: 'Gem titlen',
  renamed: 'Sagens titel er gemt.',
};
