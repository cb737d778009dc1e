import { escapeInvisible } from '../../shared/api/text';

/** Where progress goes: stderr, so stdout stays clean for whatever a script reads from it. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_CELLS = 20;
const CLEAR_TO_END = '\x1b[K';

/**
 * A progress bar for a batch, e.g. "[██████░░░░] 6/10 Referat TRIO 2026-12-01". On a terminal it is
 * one line redrawn with \r; in a log or a pipe each step is its own line, so nothing is lost.
 */
export class Progress {
  private done = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  /** Draws the empty bar on a terminal, so a slow first step does not look like a hang. */
  start(label = ''): void {
    if (this.stream.isTTY) this.draw(label);
  }

  /** One step has finished; label names it. */
  step(label: string): void {
    this.done = Math.min(this.done + 1, this.total);
    if (this.stream.isTTY) this.draw(label);
    else this.stream.write(`${this.counter()} ${escapeInvisible(label)}\n`);
  }

  /** Ends the bar's line and prints the summary on a line of its own. */
  finish(summary: string): void {
    this.endLine();
    this.stream.write(`${escapeInvisible(summary)}\n`);
  }

  /** Leaves the bar where it stopped, so an error message that follows starts on a fresh line. */
  abort(): void {
    this.endLine();
  }

  /** The line as drawn on a terminal, without control characters; exported for tests. */
  line(label: string): string {
    const filled = this.total === 0 ? BAR_CELLS : Math.round((this.done / this.total) * BAR_CELLS);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}] ${this.counter()}`;
    // Labels come from archive data; only the bar's own \r and erase may reach the terminal.
    const text = label === '' ? bar : `${bar} ${escapeInvisible(label)}`;
    // A line wider than the terminal wraps, and \r then only redraws its last part.
    const width = this.stream.columns;
    return width !== undefined && width > 0 && text.length >= width ? `${text.slice(0, Math.max(width - 2, 0))}…` : text;
  }

  private counter(): string {
    return `${String(this.done).padStart(String(this.total).length)}/${this.total}`;
  }

  private draw(label: string): void {
    this.stream.write(`\r${this.line(label)}${CLEAR_TO_END}`);
    this.drawn = true;
  }

  private endLine(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
