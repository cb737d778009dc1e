import { useEffect, useState, type ReactNode } from 'react';
import type { StartupProgress } from '../../shared/api/methods/startup';
import { call, onAppEvent } from '../api/client';
import { startupText as t } from '../text/startup';

/**
 * The window opens before the archive is open, so an old archive being brought up to date shows how
 * far it has got instead of a blank window; the app's screens render once the archive is ready. An
 * archive that needs no update lets them render as soon as the start says so, while the services are
 * still loading: their reads wait in the services, and the first screen is drawn meanwhile instead
 * of after them.
 */
export function StartupGate({ children, readFirstScreen }: { children: ReactNode; readFirstScreen: () => void }) {
  const [progress, setProgress] = useState<StartupProgress | null>(null);
  const ready = screensCanDraw(progress);

  useEffect(() => {
    if (ready) return;
    let current = true;
    // Once ready the listener goes again: the screens open their own, and the browser allows few.
    const unsubscribe = onAppEvent((event) => {
      if (event.type === 'archive.opening') setProgress(event.progress);
    });
    void call('app.startup', {}).then((result) => {
      if (!current) return;
      // Not an answer (a lost connection): the screens say so themselves. An event may have told
      // more than this answer already.
      setProgress((seen) => (!result.ok ? { step: 'klar', done: 0, total: 0 } : seen && later(seen, result.value) ? seen : result.value));
    });
    // After app.startup, so its answer is never queued behind them: the first screen's reads wait in
    // the services for the archive, not in the window for this answer.
    readFirstScreen();
    return () => {
      current = false;
      unsubscribe();
    };
  }, [ready, readFirstScreen]);

  if (ready) return children;
  return <StartupPage progress={progress} />;
}

/** Nothing is left that the window must show instead of the screens: no update, or it is done. */
function screensCanDraw(progress: StartupProgress | null): boolean {
  return progress !== null && (progress.step === 'klar' || (progress.step === 'aabner' && progress.total === 0));
}

const ORDER: readonly StartupProgress['step'][] = ['aabner', 'sikkerhedskopi', 'opdaterer', 'klar'];

function later(a: StartupProgress, b: StartupProgress): boolean {
  return ORDER.indexOf(a.step) > ORDER.indexOf(b.step) || (a.step === b.step && a.done > b.done);
}

function StartupPage({ progress }: { progress: StartupProgress | null }) {
  const updating = progress !== null && (progress.step === 'sikkerhedskopi' || progress.step === 'opdaterer');
  if (!updating) {
    // Shown only if opening takes long enough to notice (a network drive); see .startup-opening.
    return (
      <main className="startup startup-opening" aria-busy="true">
        <p role="status">{t.opening}</p>
      </main>
    );
  }
  return (
    <main className="startup" aria-busy="true">
      <h1>{t.updating}</h1>
      <p>{t.why}</p>
      <progress aria-label={t.progressLabel} value={progress.step === 'sikkerhedskopi' ? 0 : progress.done} max={Math.max(1, progress.total)} />
      <p role="status">{t.step(progress)}</p>
    </main>
  );
}
