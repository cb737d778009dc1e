import { useId, useState, type FormEvent } from 'react';
import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { themeFromTag } from '../../../shared/domain/listeningCapture';
import { Notice } from '../../components/Notice';
import { write } from '../../api/queries';
import { listeningText as t } from '../../text/listening';

/** The input's themes as removable chips, and a field to add one of the series' themes or a new one. */
export function ThemeChips({ input, seriesThemes }: { input: ListeningInput; seriesThemes: readonly string[] }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const listId = useId();
  const fieldId = useId();

  async function save(themes: string[]) {
    const outcome = await write('listening.setInputThemes', { inputId: input.id, themes });
    setError(outcome.ok ? undefined : outcome.error.message);
    return outcome.ok;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    // "#Tid" and "tid" are the same theme as the series' "Tid".
    const theme = themeFromTag(name.trim().replace(/^#/, ''), seriesThemes);
    if (theme === '' || input.themes.includes(theme)) return setName('');
    if (await save([...input.themes, theme])) setName('');
  }

  const unused = seriesThemes.filter((th) => !input.themes.includes(th));
  return (
    <div className="theme-chips">
      <p className="theme-chips-label" id={`${fieldId}-label`}>
        {t.themesLabel}
      </p>
      {input.themes.length === 0 ? (
        <p className="muted">{t.noThemes}</p>
      ) : (
        <ul className="theme-tags" aria-labelledby={`${fieldId}-label`}>
          {input.themes.map((theme) => (
            <li key={theme} className="theme-tag">
              #{theme}
              <button
                type="button"
                className="chip-remove"
                aria-label={t.removeTheme(theme)}
                onClick={() => void save(input.themes.filter((th) => th !== theme))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="theme-add" onSubmit={add} noValidate>
        <label htmlFor={fieldId} className="visually-hidden">
          {t.themeFor(input.position)}
        </label>
        <input id={fieldId} list={listId} value={name} onChange={(e) => setName(e.target.value)} placeholder={t.addTheme} />
        <datalist id={listId}>
          {unused.map((th) => (
            <option key={th} value={th} />
          ))}
        </datalist>
        <button type="submit">{t.addTheme}</button>
      </form>
      <Notice kind="error">{error}</Notice>
    </div>
  );
}
