import { useListening } from '../../stores/listening';
import { listeningText as t } from '../../text/listening';

interface OpeningPanelProps {
  meetingId: string;
  visitors: string;
  inputCount: number;
}

/**
 * What the visitors say first: they are here to listen, nothing carries a name, and what happens next.
 * Once something is written it folds to one line, so the room sees the capture line and what it wrote.
 */
export function OpeningPanel({ meetingId, visitors, inputCount }: OpeningPanelProps) {
  const choice = useListening((s) => s.openingChoice[meetingId]);
  const chooseOpening = useListening((s) => s.chooseOpening);
  const open = choice ?? inputCount === 0;
  const toggle = (
    <button
      type="button"
      className="link"
      aria-expanded={open}
      aria-controls="listening-opening-body"
      onClick={() => chooseOpening(meetingId, !open)}
    >
      {open ? t.hideOpening : t.showOpening}
    </button>
  );
  return (
    <section className={open ? 'listening-opening' : 'listening-opening-folded'} aria-labelledby="listening-opening-title">
      {open ? (
        <div className="section-header">
          <h2 id="listening-opening-title">{t.openingTitle}</h2>
          {toggle}
        </div>
      ) : (
        <>
          <h2 id="listening-opening-title" className="visually-hidden">
            {t.openingTitle}
          </h2>
          {toggle}
        </>
      )}
      <div id="listening-opening-body" hidden={!open}>
        {t.opening.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {visitors && <p className="listening-visitors">{visitors}</p>}
      </div>
    </section>
  );
}
