/**
 * Dissent on a decision as a record of its own: who disagreed (a participant, with the role they sat in
 * that day, their «kasket»), their words verbatim, and whether it is a mindretalsudtalelse, which the
 * minority asks to have in the record as its statement. A decision can have several.
 */
export interface Dissent {
  id: string;
  /** The participant it came from; null when only a name and role were written (or it came from the old free text). */
  personId: string | null;
  name: string;
  /** The role the person sat in at the meeting, e.g. «TR (pædagoger)». */
  role: string;
  text: string;
  minorityStatement: boolean;
}

/** The kind in the record's own words. */
export function dissentKind(dissent: Pick<Dissent, 'minorityStatement'>): string {
  return dissent.minorityStatement ? 'Mindretalsudtalelse' : 'Dissens';
}

/** Who, attributed by role first; the name only where the reader may see names. */
export function dissentBy(dissent: Pick<Dissent, 'name' | 'role'>, withName: boolean): string {
  const name = withName ? dissent.name.trim() : '';
  const role = dissent.role.trim();
  return [role, name].filter((part) => part !== '').join(', ');
}

/**
 * The dissents as one text, one line each, for search and the projector: «Dissens fra TR (pædagoger), Hanne
 * Berg: …». A record carried over from the old free text names no one: «Dissens: » and its words.
 */
export function dissentText(dissents: readonly Pick<Dissent, 'name' | 'role' | 'text' | 'minorityStatement'>[]): string {
  return dissents
    .map((d) => {
      const by = dissentBy(d, true);
      return `${dissentKind(d)}${by === '' ? '' : ` fra ${by}`}: ${d.text}`;
    })
    .join('\n');
}
