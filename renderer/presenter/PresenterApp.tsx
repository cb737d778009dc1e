import { useEffect } from 'react';
import type { PresenterView } from '../../shared/api/types';
import { presenterText } from '../text/presenter';
import '../styles/presenter.css';
import { ItemScreen } from './ItemScreen';
import { CheckoutScreen, EndScreen, MessageScreen, WelcomeScreen } from './PhaseScreens';
import { ReadbackScreen } from './ReadbackScreen';
import { presenterMeetingId } from './route';
import { useLocationHash, usePresenterView, useServerNow } from './usePresenterView';

/**
 * The projector page: follows the facilitator live and shows only what the room needs, large enough
 * to read from the back of a staff room. It has no controls; the facilitator's window drives it.
 */
export function PresenterApp() {
  const meetingId = presenterMeetingId(useLocationHash());
  const state = usePresenterView(meetingId);
  const serverNow = useServerNow(state.status === 'ready' ? state.clockOffset : 0);

  useEffect(() => {
    document.title = presenterText.windowTitle;
  }, []);

  return (
    <div className="presenter">
      {meetingId === null ? (
        <MessageScreen text={presenterText.badHash} />
      ) : state.status === 'loading' ? (
        <MessageScreen text={presenterText.loading} />
      ) : state.status === 'error' ? (
        <MessageScreen text={`${presenterText.loadFailed} ${state.message}`} />
      ) : (
        <>
          <TopBar view={state.view} />
          <main className={`presenter-main phase-${state.view.phase}`}>
            <Screen view={state.view} serverNow={serverNow} />
          </main>
        </>
      )}
    </div>
  );
}

function Screen({ view, serverNow }: { view: PresenterView; serverNow: number }) {
  switch (view.phase) {
    case 'ikke_startet':
    case 'saet_scenen':
      return <WelcomeScreen view={view} />;
    case 'checkout':
      return <CheckoutScreen />;
    case 'afsluttet':
      return <EndScreen />;
    case 'punkt':
      if (view.readback) return <ReadbackScreen readback={view.readback} />;
      if (view.item) return <ItemScreen item={view.item} serverNow={serverNow} />;
      return <WelcomeScreen view={view} />;
  }
}

/** Where the meeting is (phase or "Punkt 2 af 7") and whose meeting it is, in one quiet line. */
function TopBar({ view }: { view: PresenterView }) {
  return (
    <header className="presenter-top">
      <p className="presenter-where">{whereText(view)}</p>
      <p className="presenter-forum">{view.forumName}</p>
    </header>
  );
}

function whereText(view: PresenterView): string {
  if (view.phase === 'ikke_startet') return presenterText.notStarted;
  if (view.phase === 'saet_scenen') return presenterText.setTheScene;
  if (view.phase === 'punkt' && view.item) {
    const where = presenterText.itemOf(view.item.position, view.item.itemCount);
    return view.item.hidden ? where : `${where} · ${view.item.typeLabel}`;
  }
  // Check-out and the end screen say where the meeting is in their heading; the bar names the meeting.
  return view.meetingTitle;
}
