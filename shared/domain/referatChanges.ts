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
    confidential: boolean;
    notes: string;
    decision: { text: string; colour: string; dissents: readonly unknown[]; outcome: string } | null;
    actions: { id: string; what: string; who: string; due: string | null }[];
  }[];
}

/**
 * A line about an item is confidential when the item was confidential in either version: the line then
 * stays confidential after the item is renamed, opened or removed.
 */
export function referatChanges(before: ComparableMeeting, after: ComparableMeeting): { text: string; confidential: boolean }[] {
  const changes: { text: string; confidential: boolean }[] = [];
  const open = (text: string) => changes.push({ text, confidential: false });
  if (before.title !== after.title) open(`Mødets titel er ændret fra «${before.title}» til «${after.title}».`);
  if (before.startsAt !== after.startsAt || before.place !== after.place) open('Tid eller sted for mødet er ændret.');
  if (before.purpose !== after.purpose) open('Mødets formål er ændret.');
  const people = (m: ComparableMeeting) => m.participants.map((p) => `${p.personId}|${p.role}|${p.attendance}`).sort().join(',');
  if (people(before) !== people(after)) open('Deltagerlisten er ændret.');

  for (const item of after.items) {
    const old = before.items.find((i) => i.id === item.id);
    const label = `Punkt ${item.position} «${item.title}»`;
    const line = (text: string) => changes.push({ text, confidential: item.confidential || (old?.confidential ?? false) });
    if (!old) {
      line(`${label} er tilføjet.`);
      continue;
    }
    if (old.title !== item.title) line(`${label}: titlen er ændret.`);
    if (old.notes !== item.notes) line(`${label}: resuméet er ændret.`);
    if (JSON.stringify(old.decision) !== JSON.stringify(item.decision)) {
      line(old.decision && item.decision ? `${label}: beslutningen er ændret.` : `${label}: beslutningen er ${item.decision ? 'tilføjet' : 'fjernet'}.`);
    }
    const actionKey = (a: { id: string; what: string; who: string; due: string | null }) => `${a.id}|${a.what}|${a.who}|${a.due ?? ''}`;
    if (old.actions.map(actionKey).join() !== item.actions.map(actionKey).join()) line(`${label}: handlingerne er ændret.`);
  }
  for (const old of before.items) {
    if (!after.items.some((i) => i.id === old.id)) changes.push({ text: `Punkt «${old.title}» er fjernet.`, confidential: old.confidential });
  }
  return changes.length > 0 ? changes : [{ text: 'Ingen ændringer i indholdet; kun en ny godkendelse.', confidential: false }];
}
