import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ArchiveQueries } from './api/ArchiveQueries';
import { lazyView } from './lazyView';
import { isPresenterHash } from './presenter/route';
import { readFirstScreen } from './views/overviewReads';
import { StartupGate } from './views/StartupGate';
import './styles/app.css';

// The projector's window is the rarer one: its code is fetched when it opens, not by every start.
const PresenterApp = lazyView(() => import('./presenter/PresenterApp'), 'PresenterApp');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ArchiveQueries>
        {isPresenterHash(location.hash) ? (
          <Suspense>
            <PresenterApp />
          </Suspense>
        ) : (
          <StartupGate readFirstScreen={readFirstScreen}>
            <App />
          </StartupGate>
        )}
      </ArchiveQueries>
    </StrictMode>,
  );
}
