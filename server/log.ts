/**
 * The server's log: one JSON line per event on stdout, with ids and a reason. Never document content,
 * never a credential or an invitation code: the fields below are all there is.
 */
export interface LogEvent {
  event: string;
  reason?: string;
  person?: string;
  device?: string;
  forum?: string;
  document?: string;
  socket?: string;
  count?: number;
  url?: string;
  storage?: string;
}

export type Log = (entry: LogEvent) => void;

export const jsonLinesLog: Log = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
