/**
 * Who is here: what a laptop announces in the awareness of a forum index while it is connected
 * (docs/server.md «Hvem er her»). Awareness is never stored; it lives as long as the connection.
 *
 * The server writes `personId` and `navn` itself from the connection's sign-in, whatever the laptop
 * claimed, and passes `leder` only from a member who may write: nobody can appear as someone else.
 * The current item and its timer are not here: they are fields of the meeting document, so a laptop
 * that follows reads them from its own copy.
 */
export interface PresenceState {
  personId: string;
  navn: string;
  /** This person runs the meeting now (run mode is open on their laptop). */
  leder?: { moedeId: string };
}

/** What a laptop may send: only whether it runs a meeting; who it is, the server knows. */
export interface AnnouncedPresence {
  leder?: { moedeId: string };
}

/** The awareness field the state lives under (one field, so a provider's own fields never mix in). */
export const PRESENCE_FIELD = 'tilstede';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The meeting a state says is run, or null: anything else in it is ignored. */
export function runningMeetingOf(value: unknown): { moedeId: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const moedeId = (value as Record<string, unknown>).moedeId;
  return typeof moedeId === 'string' && ID.test(moedeId) ? { moedeId } : null;
}

/** A state as the server passed it on, or null when it is not one (an old or foreign client). */
export function presenceOf(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { personId, navn, leder } = value as Record<string, unknown>;
  if (typeof personId !== 'string' || !ID.test(personId) || typeof navn !== 'string' || navn.length > 200) return null;
  const running = runningMeetingOf(leder);
  return running ? { personId, navn, leder: running } : { personId, navn };
}
