import { listeningText as t } from '../../text/listening';

/** An input's themes as plain tags (no colour: themes carry no judgement). */
export function ThemeList({ themes }: { themes: readonly string[] }) {
  if (themes.length === 0) return null;
  return (
    <ul className="theme-tags" aria-label={t.themesLabel}>
      {themes.map((theme) => (
        <li key={theme} className="theme-tag">
          #{theme}
        </li>
      ))}
    </ul>
  );
}
