import type { PresenterView } from '../../shared/api/types';
import { CHECKOUT_QUESTIONS } from '../../shared/domain/checkout';
import { presenterText } from '../text/presenter';
import { BigBadge } from './BigBadge';

/** Before the first item: what the meeting is for, and what the colours promise. */
export function WelcomeScreen({ view }: { view: PresenterView }) {
  return (
    <>
      <h1 className="presenter-title">{view.meetingTitle}</h1>
      {view.purpose.trim() !== '' && (
        <p className="presenter-purpose">
          <span className="presenter-purpose-label">{presenterText.purpose}: </span>
          {view.purpose}
        </p>
      )}
      <section className="presenter-legend" aria-labelledby="presenter-legend-title">
        <h2 id="presenter-legend-title">{presenterText.legendTitle}</h2>
        <dl>
          {view.colours.map((colour) => (
            <div key={colour.key} className="presenter-legend-row">
              <dt>
                <BigBadge colour={colour} />
              </dt>
              <dd>{colour.meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

export function CheckoutScreen() {
  return (
    <>
      <h1 className="presenter-title">{presenterText.checkoutTitle}</h1>
      <p className="presenter-lead">{presenterText.checkoutThanks}</p>
      <ol className="presenter-questions">
        {CHECKOUT_QUESTIONS.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>
    </>
  );
}

export function EndScreen() {
  return <h1 className="presenter-title presenter-centre">{presenterText.endedTitle}</h1>;
}

/** Loading and trouble: one calm sentence, still a page with a heading. */
export function MessageScreen({ text }: { text: string }) {
  return (
    <main className="presenter-main">
      <h1 className="presenter-message">{text}</h1>
    </main>
  );
}
