import type { ConsentGiven, ConsentRound } from '../api/types';

/**
 * Who must consent to an item, in one place for the agenda, the documents and the services: the forum's
 * agenda owners on the meeting day other than the one who put the item on. Where that person is not known
 * (an item from before the forum was shared, or a forum on one laptop), one owner's consent is what the
 * single-laptop flow always asked for.
 */

export interface Owner {
  personId: string;
  name: string;
}

export function consentRound(owners: readonly Owner[], addedBy: string | null, given: readonly ConsentGiven[]): ConsentRound {
  const asked = owners.filter((o) => o.personId !== addedBy);
  const counted = given.filter((g) => asked.some((o) => o.personId === g.personId));
  if (addedBy === null) {
    const complete = counted.length > 0;
    return { given: counted, awaited: complete ? [] : asked.map(({ personId, name }) => ({ personId, name })), complete };
  }
  const awaited = asked.filter((o) => !counted.some((g) => g.personId === o.personId)).map(({ personId, name }) => ({ personId, name }));
  return { given: counted, awaited, complete: asked.length > 0 && awaited.length === 0 };
}

/** The moment the last needed consent came: when the item became ready. */
export function completedAt(round: ConsentRound): string | null {
  if (!round.complete) return null;
  return round.given.map((g) => g.givenAt).sort().at(-1) ?? null;
}

/** «Mette Lund og Jonas Holm», as the documents name those who consented. */
export function namesOf(round: ConsentRound): string {
  const names = round.given.map((g) => g.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1) ?? ''}`;
}

/** A per-kind list of who consented, as the archive keeps them, for one item. */
export function roundsOf(owners: readonly Owner[], addedBy: string | null, given: readonly (ConsentGiven & { kind: 'sent' | 'forvarsel' })[]) {
  return {
    sent: consentRound(owners, addedBy, given.filter((g) => g.kind === 'sent')),
    forvarsel: consentRound(owners, addedBy, given.filter((g) => g.kind === 'forvarsel')),
  };
}
