import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ArchiveQueries } from './api/ArchiveQueries';
import { startWindow } from './api/windowStart';
import { lazyView } from './lazyView';
import { isPresenterHash } from './presenter/route';
import { readFirstScreen } from './views/overviewReads';
import { StartupGate } from './views/StartupGate';
import './styles/app.css';

// The projector's window is the rarer one: its code is fetched when it opens, not by every start.
const PresenterApp = lazyView(() => import('./presenter/PresenterApp'), 'PresenterApp');

const root = document.getElementById('root');
// The main window asks its first questions now, before React draws: the services answer them while
// React renders the page that waits for them. The projector's window asks its own.
const start = isPresenterHash(location.hash) ? null : startWindow(readFirstScreen);
if (root) {
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
