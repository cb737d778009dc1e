/**
 * Canaries: unique tokens written into the fields of confidential items, so a test can look for them in
 * everything that is shared. A token is one word of capitals and digits ("KANARI17XTITEL"): it survives
 * search tokenizing, Word's run splitting (the test also reads each XML part with its tags stripped) and
 * case folding, and no token is part of another, as the number before the X is unique.
 */

/** The fields a canary can be written into, with the words a failure message uses for them. */
export const CANARY_FIELDS = {
  TITEL: 'titlen på et lukket punkt',
  BAGGRUND: 'baggrunden for et lukket punkt',
  ANSVARLIG: 'den ansvarlige for et lukket punkt',
  GIVET: 'det, et lukket punkt melder ud som givet',
  DISKUSSION: 'det, et lukket punkt melder ud som til diskussion',
  FORVARSEL: 'noten om forvarsel på et lukket punkt',
  NOTER: 'resuméet (noterne) af et lukket punkt',
  BESLUTNING: 'beslutningsteksten på et lukket punkt',
  DISSENS: 'dissensen på et lukket punkt',
  DISSENSNAVN: 'navnet på den, der tog dissens på et lukket punkt',
  DISSENSROLLE: 'rollen (kasketten) for den, der tog dissens på et lukket punkt',
  FARVEBEGRUNDELSE: 'begrundelsen for farveskiftet på et lukket punkt',
  BESLUTTER: '«hvem beslutter» på et lukket punkt',
  INDDRAGELSE: 'Fair Proces-inddragelsen på et lukket punkt',
  FORVENTNING: 'forventningerne (til personalet) på et lukket punkt',
  HVAD: 'hvad en handling fra et lukket punkt går ud på',
  HVEM: 'hvem der har en handling fra et lukket punkt',
  DELHVAD: 'hvad en delhandling fra et lukket punkt går ud på',
  DELHVEM: 'hvem der har en delhandling fra et lukket punkt',
  HANDLINGSNOTE: 'en statusnote på en handling fra et lukket punkt',
  DROPBEGRUNDELSE: 'begrundelsen for at droppe en handling fra et lukket punkt',
  KOMMENTAR: 'en kommentar eller et spørgsmål til et lukket punkt',
} as const;

export type CanaryField = keyof typeof CANARY_FIELDS;

export interface Canary {
  token: string;
  field: CanaryField;
  /** The operation that wrote it, as the operation log numbers it. */
  op: number;
  /** The item was made open again: what it held is no longer confidential. */
  released: boolean;
}

/** Every canary of one archive, and which of them must stay out of the shared artefacts. */
export class CanaryBook {
  private readonly canaries = new Map<string, Canary>();
  private next = 1;
  /** The number of the operation being applied; set by the runner. */
  op = 0;

  /** A new token for a field, in a short Danish sentence around it. */
  text(field: CanaryField): string {
    const token = `KANARI${this.next}X${field}`;
    this.next += 1;
    this.canaries.set(token, { token, field, op: this.op, released: false });
    return field === 'HVEM' || field === 'DELHVEM' || field === 'ANSVARLIG' ? `Lærer ${token}` : `Fortroligt om ${token} i personalesagen`;
  }

  /** Tokens in a text that is still confidential. */
  secretsIn(text: string): Canary[] {
    const upper = text.toUpperCase();
    return this.secret().filter((c) => upper.includes(c.token));
  }

  /** Does the text hold content that came from a confidential item? */
  holdsSecret(text: string): boolean {
    return this.secretsIn(text).length > 0;
  }

  /** The same canaries, for an archive copied from this one's. */
  clone(): CanaryBook {
    const copy = new CanaryBook();
    copy.next = this.next;
    for (const [token, canary] of this.canaries) copy.canaries.set(token, { ...canary });
    return copy;
  }

  secret(): Canary[] {
    return [...this.canaries.values()].filter((c) => !c.released);
  }

  get count(): number {
    return this.canaries.size;
  }

  describe(canary: Canary): string {
    return `${canary.token} (${CANARY_FIELDS[canary.field]}, skrevet i operation #${canary.op})`;
  }
}

/** Ordinary text for open items, actions and notes; never a canary. */
export function openText(kind: string, n: number): string {
  return `Åbent ${kind} ${n} om skolegården og vikardækningen`;
}
