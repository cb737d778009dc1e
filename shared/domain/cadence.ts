/**
 * How often a forum meets. Forums that work keep a fixed rhythm; the årshjul uses the cadence to say
 * when a forum has gone too long without a meeting and which months still need one.
 */
export const CADENCES = [
  'ugentlig',
  'hver_anden_uge',
  'maanedlig',
  'hver_anden_maaned',
  'kvartalsvis',
  'halvaarlig',
  'aarlig',
  'efter_behov',
] as const;
export type Cadence = (typeof CADENCES)[number];

/** Written so that they also read well mid-sentence in lower case ("Forummet mødes normalt hver måned."). */
export const CADENCE_LABELS: Record<Cadence, string> = {
  ugentlig: 'Hver uge',
  hver_anden_uge: 'Hver anden uge',
  maanedlig: 'Hver måned',
  hver_anden_maaned: 'Hver anden måned',
  kvartalsvis: 'Hvert kvartal',
  halvaarlig: 'Hvert halve år',
  aarlig: 'Hvert år',
  efter_behov: 'Efter behov',
};

/**
 * Longest acceptable gap in days between two meetings before the forum has missed its cadence
 * (null for efter_behov). The slack is deliberate: the school year has efterårsferie, juleferie and
 * vinterferie, and a meeting moved a week is not a broken rhythm. A weekly forum that skips the
 * Christmas holiday still meets within 21 days; a monthly one that meets early in one month and late
 * in the next within 45.
 */
export function maxGapDays(c: Cadence): number | null {
  switch (c) {
    case 'ugentlig':
      return 21;
    case 'hver_anden_uge':
      return 28;
    case 'maanedlig':
      return 45;
    case 'hver_anden_maaned':
      return 75;
    case 'kvartalsvis':
      return 120;
    case 'halvaarlig':
      return 210;
    case 'aarlig':
      return 400;
    case 'efter_behov':
      return null;
  }
}

/**
 * Calendar months (1–12) in which the cadence expects at least one meeting. The fixed months are a
 * simple, predictable default: quarterly forums meet at the start of each term (Sep, Dec, Mar, Jun),
 * half-yearly ones once per semester, a yearly one in October when the year's budget and plans are known.
 */
export function expectedMonths(c: Cadence): readonly number[] {
  switch (c) {
    case 'ugentlig':
    case 'hver_anden_uge':
    case 'maanedlig':
      return [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6];
    case 'hver_anden_maaned':
      return [9, 11, 1, 3, 5];
    case 'kvartalsvis':
      return [9, 12, 3, 6];
    case 'halvaarlig':
      return [9, 2];
    case 'aarlig':
      return [10];
    case 'efter_behov':
      return [];
  }
}

/**
 * How many meetings to suggest in an empty expected month, and how many weeks apart: a weekly forum
 * that has nothing in a month needs every week filled, not a single date.
 */
export function suggestionsPerMonth(c: Cadence): { count: number; everyWeeks: number } {
  switch (c) {
    case 'ugentlig':
      return { count: 5, everyWeeks: 1 };
    case 'hver_anden_uge':
      return { count: 3, everyWeeks: 2 };
    default:
      return { count: 1, everyWeeks: 1 };
  }
}
