/**
 * Lyttemøder: visitors (a kredsformand, a skolechef) go to a school to listen to a group of teachers.
 * Nothing is decided there and nothing carries a Fair Proces colour; what was heard is sorted afterwards
 * by where it belongs.
 */

/** Where an input goes after the meeting. */
export const DESTINATIONS = ['lokalt', 'kommune_kreds', 'parkeret'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export interface DestinationDefinition {
  key: Destination;
  /** Shown next to the colour so the colour is never the only signal. */
  letter: string;
  label: string;
  /** One sentence for the feedback letter's "what happens next"; true whether or not inputs carry a note. */
  next: string;
  /** The sentence instead, when every input sorted here has a note that says why. */
  nextWhenNoted?: string;
}

export const DESTINATION_DEFINITIONS: readonly DestinationDefinition[] = [
  { key: 'lokalt', letter: 'S', label: 'Løses lokalt på skolen', next: 'Det tager skolen selv hånd om.' },
  { key: 'kommune_kreds', letter: 'K', label: 'Kommune og lærerkreds', next: 'Det tager kommunen og lærerkredsen op sammen.' },
  { key: 'parkeret', letter: 'P', label: 'Parkeret', next: 'Det venter vi med.', nextWhenNoted: 'Det venter vi med; vi har skrevet ned hvorfor.' },
];

/** The letter's sentence for a destination: it claims the why is written down only when it is, at every input. */
export function nextSentence(definition: DestinationDefinition, notes: readonly string[]): string {
  const allNoted = notes.length > 0 && notes.every((note) => note.trim() !== '');
  return allNoted && definition.nextWhenNoted ? definition.nextWhenNoted : definition.next;
}

export const LISTENING_LIMITS = { input: 1_000, theme: 60, themesPerInput: 8 } as const;

/** «Arbejdstid», « arbejdstid » and «ARBEJDSTID» are one theme: the archive keeps this as the theme's `name_key`. */
export function themeKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('da-DK');
}
