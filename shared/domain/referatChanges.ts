/**
 * What changed between two approved versions of a referat, in words everyone can read. Compares the
 * parts of the meeting that the referat shows.
 */
export interface ComparableMeeting {
  title: string;
  startsAt: string;
  place: string;
  purpose: string;
  participants: { personId: string; name: string; role: string; attendance: string }[];
  items: {
    id: string;
    position: number;
    title: string;
    notes: string;
    decision: { text: string; colour: string; dissent: string; outcome: string } | null;
    actions: { id: string; what: string; who: string; due: string | null }[];
  }[];
}

export function referatChanges(before: ComparableMeeting, after: ComparableMeeting): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Mødets titel er ændret fra «${before.title}» til «${after.title}».`);
  if (before.startsAt !== after.startsAt || before.place !== after.place) changes.push('Tid eller sted for mødet er ændret.');
  if (before.purpose !== after.purpose) changes.push('Mødets formål er ændret.');
  const people = (m: ComparableMeeting) => m.participants.map((p) => `${p.personId}|${p.role}|${p.attendance}`).sort().join(',');
  if (people(before) !== people(after)) changes.push('Deltagerlisten er ændret.');

  for (const item of after.items) {
    const old = before.items.find((i) => i.id === item.id);
    const label = `Punkt ${item.position} «${item.title}»`;
    if (!old) {
      changes.push(`${label} er tilføjet.`);
      continue;
    }
    if (old.title !== item.title) changes.push(`${label}: titlen er ændret.`);
    if (old.notes !== item.notes) changes.push(`${label}: resuméet er ændret.`);
    if (JSON.stringify(old.decision) !== JSON.stringify(item.decision)) {
      changes.push(old.decision && item.decision ? `${label}: beslutningen er ændret.` : `${label}: beslutningen er ${item.decision ? 'tilføjet' : 'fjernet'}.`);
    }
    const actionKey = (a: { id: string; what: string; who: string; due: string | null }) => `${a.id}|${a.what}|${a.who}|${a.due ?? ''}`;
    if (old.actions.map(actionKey).join() !== item.actions.map(actionKey).join()) changes.push(`${label}: handlingerne er ændret.`);
  }
  for (const old of before.items) {
    if (!after.items.some((i) => i.id === old.id)) changes.push(`Punkt «${old.title}» er fjernet.`);
  }
  return changes.length > 0 ? changes : ['Ingen ændringer i indholdet; kun en ny godkendelse.'];
}
