import { useRef, useState } from 'react';
import type { ListeningTheme } from '../../../shared/api/listeningTypes';
import { Notice } from '../../components/Notice';
import { listeningText as t } from '../../text/listening';
import { ThemeRow } from './ThemeRow';

/** The series' themes with their input counts: rename, merge by renaming, remove. */
export function ThemePanel({ themes }: { themes: readonly ListeningTheme[] }) {
  const [message, setMessage] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  function done(next: string) {
    setMessage(next);
    // The row may be gone (merged or removed); the heading sits just above the message.
    headingRef.current?.focus();
  }

  return (
    <section className="panel theme-panel" aria-labelledby="series-themes-title">
      <h2 id="series-themes-title" ref={headingRef} tabIndex={-1}>
        {t.themesTitle}
      </h2>
      <Notice kind="ok">{message}</Notice>
      {themes.length === 0 ? (
        <p className="empty">{t.noSeriesThemes}</p>
      ) : (
        <>
          <p className="muted">{t.themesHelp}</p>
          <ul className="theme-rows">
            {themes.map((theme) => (
              <ThemeRow key={theme.id} theme={theme} onDone={done} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
