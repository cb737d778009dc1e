/**
 * What the transport tells the log: an event and the ids and reasons it concerns, never content (no
 * titles, notes or updates), so a log file sent to support shows what happened and nothing of what was said.
 */
export type SyncLog = (event: string, fields: Readonly<Record<string, string | number>>) => void;

export const consoleSyncLog: SyncLog = (event, fields) => {
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  console.error(`[deling] ${event} ${details}`);
};
