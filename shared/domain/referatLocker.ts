/**
 * Whose laptop locks a shared referat once every co-owner has approved it: the one who approved last (by time,
 * then by person id, compared by code unit so that every laptop names the same person). Only that laptop writes
 * the lock, so two laptops never lock the same referat at once (electron/services/referat.ts), and the others
 * can say whom they wait for.
 */
export interface GivenApproval {
  personId: string;
  approvedAt: string;
}

/** The co-owner whose laptop locks, or null while someone has not approved yet. */
export function lastApprover(coOwnerIds: readonly string[], approvals: readonly GivenApproval[]): string | null {
  const given = approvals.filter((a) => coOwnerIds.includes(a.personId));
  if (coOwnerIds.length === 0 || !coOwnerIds.every((id) => given.some((a) => a.personId === id))) return null;
  const key = (a: GivenApproval) => `${a.approvedAt}|${a.personId}`;
  return given.reduce((latest, a) => (key(a) > key(latest) ? a : latest)).personId;
}
