import { shortDate } from '../format';

/** A TRIO's item proposed to the praksisforum: the button, the dialog, and the answer shown on the item. */
export const proposalText = {
  propose: 'Foreslå til praksisforum',
  dialogTitle: 'Foreslå punktet til praksisforum',
  forum: 'Praksisforum',
  title: 'Titel i forslaget',
  text: 'Tekst i forslaget',
  textHint: 'Skriv det, praksisforummet skal vide. Teksten er hentet fra punktets baggrund; ret den, så den kan læses uden for TRIO’en.',
  sharedNote:
    'Forslaget sendes som delt tekst til praksisforummets indbakke: alle forummets medlemmer kan læse det, så skriv aldrig noget fortroligt. Forummet sætter det på en dagsorden eller afviser det med en begrundelse, og svaret vises her på punktet.',
  offlineNote: 'Uden forbindelse til serveren gemmes forslaget her og sendes, så snart computeren er forbundet.',
  send: 'Send forslaget',
  loading: 'Henter kommunens praksisfora …',
  noTargets: 'Der er intet praksisforum på kommunens server, som punktet kan foreslås til. Et praksisforum skal være delt på den samme server som TRIO’en.',
  confidential: 'Et lukket punkt kan ikke foreslås til praksisforum: dets indhold bliver i TRIO’en.',
  readerNote: 'Kun TRIO’ens medlemmer kan foreslå punktet til praksisforum.',

  // The proposal's state on the TRIO's item, in words (the sign before it only repeats them).
  waiting: (forum: string, sentAt: string) => `Foreslået til ${forum} ${shortDate(sentAt)} – afventer svar`,
  accepted: (forum: string, sentAt: string, startsAt: string | null) =>
    `Foreslået til ${forum} ${shortDate(sentAt)} – optaget på ${startsAt ? `mødet d. ${shortDate(startsAt)}` : 'dagsordenen'}`,
  declined: (forum: string, sentAt: string, reason: string) => `Foreslået til ${forum} ${shortDate(sentAt)} – afvist: ${reason}`,
};
