/**
 * What the feedback letter to a school needs, resolved by the service (labels, dates, where sent inputs
 * are taken up), so the builder only lays out text. It holds what was said, never who said it: nothing
 * here comes from the archive's people.
 */

export interface LetterInput {
  text: string;
  /** Said in these words; the letter shows it in quotation marks and italics. */
  isQuote: boolean;
}

export interface LetterHeardInput extends LetterInput {
  /** The input's other themes, in the letter's theme order; it is listed once, under its first. */
  alsoThemes: string[];
}

export interface LetterTheme {
  /** 'Andet' for the inputs without a theme. */
  name: string;
  inputs: LetterHeardInput[];
}

export interface LetterSortedInput extends LetterInput {
  note: string;
  /**
   * "Tages op i TRIO 8. december 2026", when the input was sent on to a forum's agenda; with the
   * forum's school ("i TRIO på Egeskolen") when it is another school's forum.
   */
  where: string | null;
}

export interface LetterDestination {
  /** The destination's Danish label, e.g. 'Løses lokalt på skolen'. */
  label: string;
  letter: string;
  /** What happens to inputs sorted here, in one sentence. */
  next: string;
  inputs: LetterSortedInput[];
}

export interface FeedbackLetter {
  school: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm' */
  startTime: string | null;
  teacherGroup: string;
  participantCount: number | null;
  seriesTitle: string;
  /** Who came to listen; they sign the letter. May be ''. */
  visitors: string;
  /** Most inputs first; 'Andet' last. An input with two themes is under the first of them only. */
  themes: LetterTheme[];
  /** In the domain's order; only destinations with inputs. */
  destinations: LetterDestination[];
  /** Inputs not sorted yet. */
  unsorted: LetterInput[];
}
