import { SCALE, SCALE_LABELS } from '../../../shared/domain/checkout';
import type { MeetingDetail } from '../../../shared/api/types';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';
import { ActionsPanel } from './ActionsPanel';

/** Check-out: a short evaluation stored as tallies, and actions that belong to the meeting as a whole. */
export function CheckoutStage({ meeting, onEnd }: { meeting: MeetingDetail; onEnd(): void }) {
  const send = useRun((s) => s.send);
  return (
    <section className="run-stage" aria-labelledby="checkout-title">
      <h2 id="checkout-title" tabIndex={-1} data-stage-heading>
        {t.checkoutTitle}
      </h2>
      <p className="lead">{t.checkoutIntro}</p>
      {meeting.checkout.map((q) => (
        <fieldset key={q.questionIndex} className="checkout-question">
          <legend>{q.question}</legend>
          <ul className="scale">
            {SCALE.map((answer) => (
              <li key={answer}>
                <span className="scale-label">{SCALE_LABELS[answer]}</span>
                <span className="scale-count" aria-live="polite">
                  {q.tallies[answer]}
                </span>
                <button
                  type="button"
                  className="icon"
                  aria-label={t.addAnswer(SCALE_LABELS[answer], q.question)}
                  onClick={() => send('checkout.record', { meetingId: meeting.id, questionIndex: q.questionIndex, answer, change: 1 })}
                >
                  +
                </button>
                <button
                  type="button"
                  className="icon"
                  aria-label={t.removeAnswer(SCALE_LABELS[answer], q.question)}
                  disabled={q.tallies[answer] === 0}
                  onClick={() => send('checkout.record', { meetingId: meeting.id, questionIndex: q.questionIndex, answer, change: -1 })}
                >
                  −
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <ActionsPanel meeting={meeting} itemId={null} actions={meeting.otherActions} />
      <button type="button" className="primary" onClick={onEnd} data-shortcut="afslut" aria-keyshortcuts="A">
        {t.endMeeting} <kbd>A</kbd>
      </button>
    </section>
  );
}
