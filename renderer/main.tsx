import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { ArchiveQueries } from './api/ArchiveQueries';
import { PresenterApp } from './presenter/PresenterApp';
import { isPresenterHash } from './presenter/route';
import { StartupGate } from './views/StartupGate';
import './styles/app.css';

// The CSP forbids eval; tell zod not to probe for it (the probe would log a CSP violation).
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ArchiveQueries>
        {isPresenterHash(location.hash) ? (
          <PresenterApp />
        ) : (
          <StartupGate>
            <App />
          </StartupGate>
        )}
      </ArchiveQueries>
    </StrictMode>,
  );
}
