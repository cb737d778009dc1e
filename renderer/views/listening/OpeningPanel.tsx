import { useState } from 'react';
import { listeningText as t } from '../../text/listening';

/** What the visitors say first: they are here to listen, nothing carries a name, and what happens next. */
export function OpeningPanel({ visitors }: { visitors: string }) {
  const [open, setOpen] = useState(true);
  return (
    <section className="listening-opening" aria-labelledby="listening-opening-title">
      <div className="section-header">
        <h2 id="listening-opening-title">{t.openingTitle}</h2>
        <button type="button" className="link" aria-expanded={open} aria-controls="listening-opening-body" onClick={() => setOpen(!open)}>
          {open ? t.hideOpening : t.showOpening}
        </button>
      </div>
      <div id="listening-opening-body" hidden={!open}>
        {t.opening.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        {visitors && <p className="listening-visitors">{visitors}</p>}
      </div>
    </section>
  );
}
