import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ArchiveQueries } from './api/ArchiveQueries';
import type { WindowStart } from './api/windowStart';
import { lazyView } from './lazyView';
import { StartupGate } from './views/StartupGate';

// The projector's window is the rarer one: its code is fetched when it opens, not by every start.
const PresenterApp = lazyView(() => import('./presenter/PresenterApp'), 'PresenterApp');

/**
 * Draws the window: React, the start page and the Oversigt. Loaded by main.tsx after the window has
 * asked its first questions; `start` is null in the projector's window, which asks its own.
 */
export function drawWindow(root: HTMLElement, start: WindowStart | null): void {
  createRoot(root).render(
    <StrictMode>
      <ArchiveQueries>
        {start === null ? (
          <Suspense>
            <PresenterApp />
          </Suspense>
        ) : (
          <StartupGate start={start}>
            <App />
          </StartupGate>
        )}
      </ArchiveQueries>
    </StrictMode>,
  );
}
