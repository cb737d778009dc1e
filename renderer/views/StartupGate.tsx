import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { StartupProgress } from '../../shared/api/methods/startup';
import { screensCanDraw, type WindowStart } from '../api/windowStart';
import { startupText as t } from '../text/startup';

/**
 * The window opens before the archive is open, so an old archive being brought up to date shows how
 * far it has got instead of a blank window; the app's screens render once the archive is ready. An
 * archive that needs no update lets them render as soon as the start says so, while the services are
 * still loading: their reads wait in the services, and the first screen is drawn meanwhile instead
 * of after them. The start itself (windowStart.ts) began before React drew anything.
 */
export function StartupGate({ children, start }: { children: ReactNode; start: WindowStart }) {
  const progress = useSyncExternalStore(start.subscribe, start.progress);
  const ready = screensCanDraw(progress);

  // Once ready the start's listener goes: the screens open their own (this effect runs after theirs,
  // so the one event stream stays open), and the browser allows a page few connections.
  useEffect(() => {
    if (ready) start.stopListening();
  }, [ready, start]);

  if (ready) return children;
  return <StartupPage progress={progress} />;
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
