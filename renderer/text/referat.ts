import { nameWithRole } from '../../shared/domain/roles';

export const referatText = {
  title: 'Referat',
  intro: 'Referatet er et udkast, indtil forummets dagsordensejere har godkendt det. Et godkendt referat er låst.',
  notHeld: 'Referatet kan godkendes, når mødet er afholdt.',
  noCoOwners: 'Forummet har ingen dagsordensejere. Angiv dem under forummets roller, så referatet kan godkendes.',
  version: (n: number) => `Version ${n}`,
  draft: 'Udkast',
  approved: 'Godkendt og låst',
  approvedOn: (date: string) => `godkendt ${date}`,
  waitingFor: 'Mangler godkendelse fra',
  approvedBy: 'Godkendt af',
  approveAs: (name: string, role: string) => `Godkend som ${nameWithRole(name, role)}`,
  /** In a shared forum each co-owner approves on their own laptop, as themselves. */
  approveMine: 'Godkend referatet',
  approvedByAt: (name: string, at: string) => `Godkendt af ${name} ${at}`,
  awaitingApproval: (name: string) => `Venter på ${name}`,
  // Shown while the lock waits for the server to have taken what this computer wrote in the meeting (electron/sync/awaitedLock.ts).
  lockingHere:
    'Alle har godkendt. Referatet låses fra denne computer, så snart serveren har modtaget computerens ændringer i mødet, og når derefter de andre som låst. Siger delingens status, at serveren har afvist en ændring, låses referatet ikke herfra, før det er løst.',
  // The genitive of a name ending in s, x or z takes an apostrophe: «Lars' computer».
  lockingThere: (name: string) =>
    `Alle har godkendt. Referatet låses fra ${/[sxz]$/i.test(name) ? `${name}'` : `${name}s`} computer, som godkendte sidst, så snart den har forbindelse til serveren.`,
  notLinked: 'Serveren har ikke knyttet dig til en af forummets dagsordensejere, så du kan ikke godkende referatet på denne computer.',
  newVersion: 'Start en ny version',
  newVersionIntro: 'Skal et godkendt referat rettes, starter I en ny version. Begrundelsen og ændringerne kan ses af alle.',
  reason: 'Hvorfor rettes referatet?',
  startNewVersion: 'Start ny version',
  history: 'Versioner',
  changeNote: 'Begrundelse',
  changes: 'Ændringer',
  /** Said before a change line about a closed item; the shared referat leaves the line out. */
  closedChange: 'Lukket punkt (kun i det fulde referat):',
  exportShared: 'Hent referat til deling',
  exportFull: 'Hent fuldt referat (fortroligt)',
  exportSummary: 'Hent personaleresumé (Word)',
  showText: 'Vis personaleresumé som tekst',
  textLabel: 'Tekst til nyhedsbrev eller intranet (markér og kopiér)',
  exportExchange: 'Gem mødet som udvekslingsfil (med lukkede punkter, fortroligt)',
  exportExchangeShared: 'Gem mødet som udvekslingsfil til deling (uden lukkede punkter)',
  ready: (fileName: string) => `Klar: ${fileName}`,
  previewTitle: 'Læs referatet',
  previewIntro: 'Sådan ser referatet ud, når det hentes som Word-fil. Læs det, før du godkender.',
  previewShared: 'Vis referat til deling',
  previewFull: 'Vis fuldt referat (fortroligt)',
  previewHide: 'Skjul referatet',
  previewLoading: 'Henter referatet …',
  previewLabel: (variant: 'delt' | 'fuld') => (variant === 'delt' ? 'Referat til deling, som det eksporteres' : 'Fuldt referat (fortroligt), som det eksporteres'),
  previewConfidential: 'Fortroligt: det fulde referat har de lukkede punkter med. Vis det ikke på en fælles skærm.',
};
