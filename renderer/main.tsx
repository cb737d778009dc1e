import { startWindow } from './api/windowStart';
import { isPresenterHash } from './presenter/route';
import { readFirstScreen } from './views/overviewReads';
import './styles/app.css';

// The window's entry is small on purpose: it asks the window's first questions and only then
// evaluates React and the screens (drawWindow.tsx, most of the code the window starts with, fetched
// meanwhile; see vite.config.ts). The services answer while React is evaluated, instead of after it.
const root = document.getElementById('root');
// The main window asks its first questions now; the projector's window asks its own.
const start = isPresenterHash(location.hash) ? null : startWindow(readFirstScreen);
if (root) {
  import('./drawWindow').then(
    ({ drawWindow }) => drawWindow(root, start),
    // The code is the app's own files; should they not load, the window says so instead of staying blank.
    () => {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = 'Samtalerum kunne ikke indlæse sit vindue. Luk programmet, og åbn det igen.';
      root.replaceChildren(message);
    },
  );
}
