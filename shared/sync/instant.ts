/**
 * A moment as a laptop writes it into a shared document (`Date.toISOString()`). Another laptop's write is checked
 * against it before a screen formats it: date-fns throws on a date that does not exist (say 31 February), and one
 * bad entry would take the whole item page down on every member's laptop.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const time = Date.parse(value);
  // Date.parse rolls 31 February over into March; the round trip shows it.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}
