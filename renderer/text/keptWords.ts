import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';

/** «7. dec. kl. 10.14» */
function when(iso: string): string {
  return format(parseISO(iso), "d. MMM 'kl.' HH.mm", { locale: da });
}

export const keptWordsText = {
  heading: 'Skrevet, mens punktet var lukket — ikke delt med læsere',
  // On the agenda row: the row's button already names the item.
  rowFlag: 'Ord skrevet, mens punktet var lukket',
  explainOpen:
    'Punktet blev åbnet på en anden computer, mens disse ord blev skrevet uden forbindelse. De ses kun af forummets medlemmer, indtil nogen sætter dem ind i punktet. Så kan læsere også se dem.',
  explainClosed: 'Ordene blev skrevet uden forbindelse, mens punktet var lukket. De ses kun af forummets medlemmer, også når de sættes ind i punktet, så længe det er lukket.',
  explainLocked: 'Referatet er godkendt og låst, så ordene kan ikke længere sættes ind i punktet. De ses kun af forummets medlemmer.',
  written: (personName: string | null, at: string) => `${personName ?? 'Et medlem'} skrev dem · gemt ${when(at)}`,
  putIn: 'Sæt ind i punktet',
  putInOpen: 'Sæt ind i punktet og del med læsere',
  discard: 'Kassér ordene',
  discardQuestion: 'Ordene slettes hos alle medlemmer og kan ikke hentes igen. Kassér dem?',
  confirmDiscard: 'Ja, kassér',
  cancel: 'Fortryd',
  putInDone: 'Ordene er sat ind i punktet.',
  discarded: 'Ordene er kasseret.',
};
