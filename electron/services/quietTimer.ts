/**
 * When a background job over the archive runs next (the search index's merging, the log's checkpoint):
 * once, after a pause; planning again moves it. It never keeps the process alive: the CLI exits when its
 * work is done, and closing the archive does what is left.
 */
export interface QuietTimer {
  plan(delayMs: number): void;
  /** Forgets the planned run; a later plan sets a new one. */
  cancel(): void;
  /** For good: nothing planned runs, and nothing can be planned again. */
  stop(): void;
}

export function quietTimer(run: () => void): QuietTimer {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    plan(delayMs) {
      cancel();
      if (stopped) return;
      timer = setTimeout(() => {
        timer = null;
        if (!stopped) run();
      }, delayMs);
      timer.unref();
    },
    cancel,
    stop() {
      stopped = true;
      cancel();
    },
  };
}
