import { shortDate } from '../format';

/** The inboxes' words: sending an input to a shared forum's inbox, and the forum answering it. */
export const inboxText = {
  localGroup: 'Fora i dette arkiv',
  kommuneGroup: 'Kommunens delte fora (sendes til forummets indbakke)',
  kommuneOption: (name: string) => `${name} · indbakke`,
  sharedNote:
    'Inputtet sendes som delt tekst til forummets indbakke: alle forummets medlemmer kan læse det, så send aldrig noget fortroligt. Forummet sætter det på en dagsorden eller afviser det med en begrundelse, og du får svaret her.',
  offlineNote: 'Uden forbindelse til serveren gemmes inputtet her og sendes, så snart computeren er forbundet.',
  title: 'Titel',
  sendToInbox: 'Send til forummets indbakke',
  unreachable: (message: string) => `${message} De fora, du har sendt til før, kan stadig vælges.`,

  // The state of a sent input, on the sender's laptop.
  waiting: (forum: string) => `Sendt til ${forum}: afventer svar`,
  accepted: (forum: string, startsAt: string | null) =>
    `Optaget på dagsordenen i ${forum}${startsAt ? ` ${shortDate(startsAt)}` : ''}`,
  declined: (forum: string, reason: string) => `Afvist af ${forum}: ${reason}`,

  // The forum's inbox.
  tab: (open: number) => (open > 0 ? `Indbakke (${open})` : 'Indbakke'),
  headerCount: (open: number) => (open === 1 ? '1 ubesvaret input i indbakken' : `${open} ubesvarede input i indbakken`),
  heading: 'Indbakke',
  intro:
    'Input sendt til forummet udefra, fx fra kommunens lyttemøder eller et punkt, som en skoles TRIO foreslår. Sæt det på en dagsorden, eller afvis det med en begrundelse, som går tilbage til afsenderen.',
  empty: 'Indbakken er tom.',
  from: (sender: string, sentAt: string) => `Fra ${sender || 'en afsender uden navn'} · sendt ${shortDate(sentAt)}`,
  accept: 'Sæt på dagsordenen',
  decline: 'Afvis',
  acceptTitle: 'Sæt input fra indbakken på dagsordenen',
  declineTitle: 'Afvis input fra indbakken',
  reason: 'Begrundelse (sendes til afsenderen)',
  confirmDecline: 'Afvis og send begrundelsen',
  noMeetings: 'Forummet har ingen kommende møder. Planlæg et møde først.',
  readerNote: 'Kun forummets medlemmer kan svare på indbakken.',
  stateAccepted: (startsAt: string | null, title: string) => `Optaget på dagsordenen${startsAt ? ` ${shortDate(startsAt)}` : ''} som «${title}»`,
  stateDeclined: (reason: string) => `Afvist: ${reason}`,
  stateOpen: 'Ikke besvaret',
};
