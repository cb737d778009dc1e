import type { ForumSyncStatus } from '../../shared/sync/status';

const changes = (n: number) => (n === 1 ? '1 ændring' : `${n} ændringer`);

/**
 * What the status line says about a shared forum: a short label and a whole sentence for screen readers
 * and the tooltip. The words carry the state; the mark beside them only repeats it.
 */
export function syncStatusText(status: ForumSyncStatus): { label: string; sentence: string } {
  const text = stateText(status);
  // Not «on its way»: the server will never take what it answered so.
  if (status.notTaken) return { label: `${status.state === 'offline' ? 'Arbejder offline' : 'Forbundet'} – dine ændringer når ikke frem`, sentence: NOT_TAKEN };
  if (status.copyWaiting) return { label: `${text.label} – din kopi venter på at blive flettet`, sentence: `${text.sentence} ${COPY_WAITING}` };
  if (!status.refusedChange) return text;
  return { label: `${text.label} – en ændring afvist`, sentence: `${text.sentence} ${REFUSED_CHANGE}` };
}

/** Told beside the state when the server lets this computer only read what it wrote in (a læser now, or a locked referat). */
const NOT_TAKEN =
  'Noget af det, du skrev på denne computer, når ikke de andre: serveren lader dig nu kun læse det (du er blevet læser i forummet, eller mødets referat er godkendt, mens computeren var væk). Det står stadig her på computeren. Skal de andre have det, så tal med forummets administrator, eller få det skrevet ind i en ny version af referatet.';

/** Told beside the state while the copy this computer held before it joined waits for the forum from the server. */
const COPY_WAITING =
  'Denne computer havde sin egen kopi af forummet, før den blev tilsluttet. Kopien står uændret her, til forummet er hentet fra serveren; så flettes den ind: det nye fra begge sider kommer med, ord skrevet i tekstfelterne bevares, og hvor et felt er ændret begge steder, gælder den delte værdi. Indtil da ser du ikke de andres ændringer.';

/** Told beside the state: the server guards that each person approves and consents only as themselves. */
const REFUSED_CHANGE =
  'Serveren afviste en ændring fra denne computer, fordi den godkendte eller gav samtykke på en anden persons vegne. Kun personen selv kan det, på sin egen computer. Mødet sendes ikke herfra, før Samtalerum startes igen; tal med forummets administrator, hvis du er registreret som den forkerte person.';

function stateText({ state, waiting }: ForumSyncStatus): { label: string; sentence: string } {
  switch (state) {
    case 'forbundet':
      return waiting === 0
        ? { label: 'Forbundet', sentence: 'Forummet er delt og forbundet: det, du skriver, når de andre medlemmer med det samme.' }
        : {
            label: `Forbundet (sender ${changes(waiting)})`,
            sentence: `Forummet er delt og forbundet; ${changes(waiting)} fra denne computer er på vej til serveren.`,
          };
    case 'offline':
      return {
        label: `Arbejder offline (${waiting === 0 ? 'ingen ændringer venter' : `${changes(waiting)} venter`})`,
        sentence:
          waiting === 0
            ? 'Serveren kan ikke nås lige nu. Du kan arbejde videre; alt gemmes på denne computer og deles, når forbindelsen er tilbage.'
            : `Serveren kan ikke nås lige nu. ${changes(waiting)} er gemt på denne computer og sendes, når forbindelsen er tilbage.`,
      };
    case 'adgang-fjernet':
      return {
        label: 'Adgang fjernet',
        sentence:
          'Serveren har fjernet denne computers adgang til forummet. Din egen kopi er bevaret her, men deles ikke længere. Tal med forummets administrator, hvis det er en fejl.',
      };
  }
}

/** The status line while the server has ended the sign-in: the forum waits, nothing is taken away. */
export const signInEndedStatus = {
  label: 'Login udløbet',
  sentence: 'Dit login med kommunens login er udløbet eller afsluttet. Forummet venter på denne computer; log ind igen, så sendes dine ændringer.',
};

export const syncText = {
  /** Names the line for assistive technology, before its sentence. */
  region: 'Deling',
};

/** A forum's right on the server, as the sharing screens name and explain it. */
export const rightText = {
  medlem: {
    label: 'Medlem',
    explain: 'Ser og ændrer alt i forummet, også lukkede punkter og det fortrolige referat.',
  },
  læser: {
    label: 'Læser',
    explain: 'Kan læse den delte udgave (uden lukkede punkter og andet fortroligt), men ikke ændre noget.',
  },
} as const;

/** The forum's tab «Deling»: sharing a forum, its state once shared, and inviting. */
export const sharingText = {
  whatTitle: 'Hvad betyder det at dele forummet?',
  what: [
    'Forummet med alle dets møder, beslutninger og handlinger lægges på kommunens delingsserver, så hvert medlem har det på sin egen computer og kan arbejde videre uden netværk. Ændringer sendes, når der er forbindelse.',
    'Kun de personer, forummets administrator inviterer, kan se forummet. Et medlem får alt, også lukkede punkter og det fortrolige referat. En læser får kun den delte udgave uden det fortrolige og kan ikke ændre noget.',
    'Den, der deler forummet, bliver dets administrator. Kommunens IT driver serveren, men en kommuneadministrator har ikke adgang til forummernes indhold.',
  ],
  serverAddress: 'Delingsserverens adresse',
  serverAddressHint: 'Adressen fra kommunens IT, fx deling.kommune.dk.',
  noShareRight:
    'Denne computer har ikke lov til at dele fora endnu. Kommunens IT giver en invitationskode til det; tilslut computeren med den under «Fora» eller «Indstillinger».',
  share: 'Del forummet',
  sharing: 'Forummet lægges på serveren … Det kan tage lidt tid for et forum med mange møder.',
  shared: (server: string) => `Forummet er delt på ${server}. Invitér nu de andre medlemmer.`,
  sharedInBackground: (server: string) =>
    `Forummet er delt på ${server}. Møderne lægges op i baggrunden; du kan arbejde videre imens, og statuslinjen viser, hvad der venter.`,
  loading: 'Henter forummets deling …',

  sharedTitle: 'Forummet er delt',
  server: 'Server',
  yourRight: 'Din ret',
  admin: 'Administrator',
  youAreAdmin: 'Du er forummets administrator og kan invitere andre.',
  notAdmin: 'Nej. Bed forummets administrator om at invitere andre.',
  readOnly: 'Du er læser i dette forum: du kan læse den delte udgave, men ikke ændre noget. Bed forummets administrator om retten som medlem, hvis du skal skrive med.',

  inviteTitle: 'Invitér en person',
  inviteIntro: 'Koden gælder én gang, for én computer. Giv den til personen selv, fx ved mødet eller i en besked, sammen med serverens adresse.',
  inviteName: 'Personens navn',
  inviteNameHint: 'Så du kan kende personen på listen over medlemmer, fx «Mette Holm, TR».',
  rightLegend: 'Ret i forummet',
  invite: 'Lav invitationskode',
  inviting: 'Laver koden …',
  codeTitle: (name: string) => `Invitationskode til ${name}`,
  codeFor: 'Koden',
  codeExpires: (date: string) => `Gælder til ${date}, og kun én gang.`,
  codeServer: (server: string) => `Serverens adresse: ${server}`,
  copy: 'Kopiér koden',
  copied: 'Koden er kopieret.',
  copyFailed: 'Koden kunne ikke kopieres automatisk. Markér den, og kopiér den selv.',
  another: 'Invitér en mere',
};

/** Which of the forum's people someone is, when sharing and inviting: the one they approve and consent as. */
export const forumPersonText = {
  choose: 'Vælg …',
  none: 'Ingen af forummets personer',
  whoAreYou: 'Hvem er du i forummet?',
  whoAreYouHint: 'Du kan kun godkende referater og give samtykke som denne person. Vælg «Ingen af forummets personer», hvis du deler forummet for andre.',
  whoIsInvited: 'Hvem er personen i forummet?',
  whoIsInvitedHint: 'Personen kan kun godkende referater og give samtykke som den, du vælger her. En læser udefra er ingen af forummets personer.',
  required: 'Vælg, hvem personen er i forummet, eller «Ingen af forummets personer».',
  requiredYou: 'Vælg, hvem du er i forummet, eller «Ingen af forummets personer».',
  you: 'Du er i forummet',
  youUnknown: 'Ingen af forummets personer: du kan ikke godkende referater eller give samtykke her. Bed forummets administrator rette det, hvis det er forkert.',
  youNotArrived: 'en person, som endnu ikke er hentet til denne computer',
};

/** Joining a shared forum on this computer with an invitation code. */
export const joinText = {
  title: 'Tilslut et delt forum',
  intro:
    'Har du fået en invitationskode til et forum, som andre deler? Skriv serverens adresse og koden, så hentes forummet til denne computer. Bruger kommunen login, så log ind først.',
  serverAddress: 'Delingsserverens adresse',
  serverAddressHint: 'Står i invitationen, fx deling.kommune.dk.',
  code: 'Invitationskode',
  codeHint: 'Fire grupper af fem tegn, fx ABCDE-FGHIJ-KLMNO-PQRST. Store og små bogstaver er ligegyldige.',
  join: 'Tilslut',
  joining: 'Forbinder til serveren …',
  joined: (server: string) => `Computeren er tilsluttet ${server}.`,
  mayShare: 'Du kan nu dele dine fora: åbn forummet, og vælg fanen «Deling».',
  arrivedTitle: 'Fora fra serveren',
  arriving: 'hentes …',
  arrived: 'hentet',
  open: (name: string) => `Åbn ${name}`,
};

/** Settings: the sharing servers this computer knows. */
export const serversText = {
  title: 'Delingsservere',
  none: 'Computeren er ikke tilsluttet nogen delingsserver.',
  canShare: 'må dele fora',
  cannotShare: 'kun inviterede fora',
  loginFor: (server: string) => `Kommunens login på ${server}`,
};

/** Signing in with the kommune's login, in «Tilslut et delt forum», Indstillinger and under a forum whose sign-in ended. */
export const signInText = {
  title: 'Kommunens login',
  intro:
    'Bruger kommunen login til delingsserveren, så log ind her. Indløser du en invitationskode, mens du er logget ind, bliver du medlem som dig selv og kan bruge forummet fra alle dine computere.',
  signIn: 'Log ind med kommunens login',
  signInAgain: 'Log ind igen',
  continueInBrowser: 'Fortsæt i browseren … Log ind dér, og kom så tilbage hertil.',
  cancel: 'Annullér',
  cancelled: 'Login er annulleret.',
  signedInAs: (name: string) => `Logget ind som ${name}`,
  signOut: 'Log ud',
  signedOut: 'Du er logget ud. Forummerne venter på denne computer, til du logger ind igen.',
  ended: 'Dit login med kommunens login er udløbet eller afsluttet. Dine ændringer er gemt på computeren og sendes, når du logger ind igen.',
  endedShort: 'Login udløbet',
  noForums:
    'Du er ikke medlem af noget forum på serveren endnu. Bed forummets administrator om en invitationskode, og indløs den her, mens du er logget ind.',
};

/** The forum's members on the server, who is online, and a forum admin's changes (tab «Deling»). */
export const membersText = {
  title: 'Medlemmer',
  intro: 'Dem, der har forummet på deres egen computer gennem delingsserveren.',
  loading: 'Henter medlemmerne fra serveren …',
  fetchedAt: (time: string) => `Senest hentet ${time}.`,
  stale: (time: string) => `Sidst kendt d. ${time}. Serveren kan ikke nås lige nu, så listen kan have ændret sig siden.`,
  you: '(dig)',
  admin: 'administrator',
  online: 'online nu',
  offline: 'ikke online',
  devicesOf: (name: string) => `Computere, ${name} bruger forummet fra`,
  deviceAdded: (date: string) => `tilføjet ${date}`,
  deviceRevoked: (date: string) => `spærret ${date}`,
  makeReader: (name: string) => `Gør ${name} til læser`,
  makeMember: (name: string) => `Gør ${name} til medlem`,
  makeAdmin: (name: string) => `Gør ${name} til administrator`,
  unmakeAdmin: (name: string) => `Fjern ${name} som administrator`,
  remove: (name: string) => `Fjern ${name} fra forummet`,
  revoke: (device: string) => `Spær ${device}`,
  changed: (name: string) => `${name} er ændret. Det gælder straks, også på forbindelser, der er åbne.`,
  removeTitle: (name: string) => `Fjern ${name} fra forummet?`,
  removeText:
    'Personen mister straks adgangen. Ved næste forbindelse slettes forummets fortrolige indhold fra personens computer; det, personen allerede har set eller kopieret, kan ikke kaldes tilbage.',
  confirmRemove: 'Fjern personen',
  removed: (name: string) => `${name} er fjernet fra forummet.`,
  revokeTitle: (device: string) => `Spær computeren ${device}?`,
  revokeText:
    'Computeren afvises straks af serveren, i alle personens fora. Personen kan bruge forummet fra en anden computer med en ny invitation.',
  confirmRevoke: 'Spær computeren',
  revoked: (device: string) => `${device} er spærret.`,
  close: 'Luk',
};

/** Following a meeting that another member runs on their own laptop. */
export const followText = {
  leads: (name: string) => `${name} leder mødet nu`,
  /** In place of «Start mødet»/«Fortsæt mødet»: the meeting runs on the facilitator's laptop, not a second time here. */
  runElsewhere: (name: string) => `${name} leder mødet fra en anden computer, så det startes ikke her. Du kan følge med herunder.`,
  follow: 'Følg med',
  stop: 'Stop med at følge',
  title: 'Du følger mødet',
  readOnly: 'Du ser det aktuelle punkt, som det skifter på mødelederens computer. Du ændrer intet her.',
  current: 'Aktuelt punkt',
  itemOf: (n: number, total: number) => `Punkt ${n} af ${total}`,
  noCurrent: 'Mødelederen har ikke valgt et punkt endnu.',
  timer: 'Tid brugt',
  timerRunning: 'uret kører',
  timerStopped: 'uret er stoppet',
  planned: (minutes: number) => `af ${minutes} min`,
};
