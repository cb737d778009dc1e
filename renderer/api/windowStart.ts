import type { StartupProgress } from '../../shared/api/methods/startup';
import { call, onAppEvent } from './client';

/**
 * The main window's start, begun as soon as its code has run and before React draws anything: it asks
 * `app.startup`, listens for the opening's progress and sends the first screen's reads in the same
 * moment. Asked from a component's effect instead, they would wait for the first render and its
 * commit, which on a busy computer is a noticeable part of the start.
 */
export interface WindowStart {
  /** How far the opening has got; null until the services have said. */
  progress(): StartupProgress | null;
  /** Calls onChange whenever the progress moves on; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  /** The screens have taken over and listen for themselves: the start's own listener goes. */
  stopListening(): void;
}

export function startWindow(readFirstScreen: () => void): WindowStart {
  let progress: StartupProgress | null = null;
  const watchers = new Set<() => void>();
  const moveTo = (next: StartupProgress) => {
    progress = next;
    for (const watcher of [...watchers]) watcher();
  };
  let stopListening: (() => void) | null = onAppEvent((event) => {
    if (event.type === 'archive.opening') moveTo(event.progress);
  });
  void call('app.startup', {}).then((result) => {
    // Not an answer (a lost connection): the screens say so themselves. An event may have told more
    // than this answer already.
    if (!result.ok) moveTo({ step: 'klar', done: 0, total: 0 });
    else if (!(progress && later(progress, result.value))) moveTo(result.value);
  });
  // After app.startup, so its answer is never queued behind them: the first screen's reads wait in
  // the services for the archive, not in the window for this answer.
  readFirstScreen();
  return {
    progress: () => progress,
    subscribe(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    stopListening() {
      stopListening?.();
      stopListening = null;
    },
  };
}

/** Nothing is left that the window must show instead of the screens: no update, or it is done. */
export function screensCanDraw(progress: StartupProgress | null): boolean {
  return progress !== null && (progress.step === 'klar' || (progress.step === 'aabner' && progress.total === 0));
}

const ORDER: readonly StartupProgress['step'][] = ['aabner', 'sikkerhedskopi', 'opdaterer', 'klar'];

function later(a: StartupProgress, b: StartupProgress): boolean {
  return ORDER.indexOf(a.step) > ORDER.indexOf(b.step) || (a.step === b.step && a.done > b.done);
}
