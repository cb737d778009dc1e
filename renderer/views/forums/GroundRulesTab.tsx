import { useState, type FormEvent } from 'react';
import type { Forum, GroundRulesVersion } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { write } from '../../api/queries';
import { forumPageText as p } from '../../text/forums';
import { lineChanges } from './lineChanges';
import { useFocusInvalid } from '../../components/useFocusInvalid';

const g = p.groundRules;

function versionLine(v: GroundRulesVersion): string {
  return v.version === 1 ? g.firstVersionLine(shortDate(v.changedAt)) : g.versionLine(v.version, shortDate(v.changedAt));
}

export function GroundRulesTab({ forum }: { forum: Forum }) {
  // Newest first: the first entry is in force, the rest are history.
  const [current, ...earlier] = forum.groundRules;
  return (
    <div className="two-columns">
      <div className="tab-stack">
        <section className="panel" aria-labelledby="rules-in-force-title">
          <h2 id="rules-in-force-title">{g.inForceTitle}</h2>
          {current ? (
            <>
              <p className="version-line">{versionLine(current)}</p>
              <RulesText text={current.text} />
              {current.note && (
                <p className="rules-note">
                  <strong>{g.why}</strong> {current.note}
                </p>
              )}
              {earlier[0] && (
                <details className="tool">
                  <summary>{g.changesInForce(earlier[0].version)}</summary>
                  <Changes before={earlier[0]} after={current} />
                </details>
              )}
            </>
          ) : (
            <p className="empty">{g.none}</p>
          )}
        </section>
        <section aria-labelledby="rules-history-title">
          <h2 id="rules-history-title">{g.historyTitle}</h2>
          {earlier.length === 0 ? (
            <p className="empty">{g.noHistory}</p>
          ) : (
            <>
              <p className="muted">{g.historyIntro}</p>
              <ol className="history">
                {earlier.map((version, index) => (
                  <li key={version.version}>
                    <HistoryEntry version={version} previous={earlier[index + 1]} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
      <EditGroundRules forum={forum} current={current} />
    </div>
  );
}

/** The rules line by line as written; a bulleted or numbered line wraps under its own text, not under the bullet. */
function RulesText({ text }: { text: string }) {
  return (
    <div className="rules-text">
      {text.split('\n').map((line, i) => (
        <span key={i} className={/^\s*([•\-*–]|\d+[.)])\s/.test(line) ? 'rules-line rules-bullet' : 'rules-line'}>
          {line}
        </span>
      ))}
    </div>
  );
}

function HistoryEntry({ version, previous }: { version: GroundRulesVersion; previous: GroundRulesVersion | undefined }) {
  return (
    <details className="history-entry">
      <summary>
        <span className="history-version">{versionLine(version)}</span>
        <span className="history-note">{version.note ? `${g.why} ${version.note}` : version.version > 1 ? g.noNote : ''}</span>
      </summary>
      <div className="history-body">
        {previous && <Changes before={previous} after={version} />}
        <h3 className="minor-heading">{g.fullText}</h3>
        <RulesText text={version.text} />
      </div>
    </details>
  );
}

function Changes({ before, after }: { before: GroundRulesVersion; after: GroundRulesVersion }) {
  const { removed, added } = lineChanges(before.text, after.text);
  return (
    <div className="changes">
      <h3 className="minor-heading">{g.changesTitle(before.version, after.version)}</h3>
      {removed.length === 0 && added.length === 0 ? (
        <p className="muted">{g.noLineChanges}</p>
      ) : (
        <ul className="change-list">
          {removed.map((line, i) => (
            <li key={`r${i}`} className="change-removed">
              <span className="change-kind">{g.removed}</span> <del>{line}</del>
            </li>
          ))}
          {added.map((line, i) => (
            <li key={`a${i}`} className="change-added">
              <span className="change-kind">{g.added}</span> <ins>{line}</ins>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const FIELDS = ['text', 'note'] as const;

function EditGroundRules({ forum, current }: { forum: Forum; current: GroundRulesVersion | undefined }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [text, setText] = useState(current?.text ?? '');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nextVersion = (current?.version ?? 0) + 1;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(undefined);
    const outcome = await write('forums.updateGroundRules', { forumId: forum.id, text, note });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setNote('');
    setSaved(g.savedAs(nextVersion));
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby="rules-edit-title" noValidate>
      <h2 id="rules-edit-title">{current ? g.editTitle : g.writeTitle}</h2>
      {current && <p className="muted">{g.editIntro}</p>}
      <Notice kind="ok">{saved}</Notice>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={g.text} error={errors.at('text')} hint={g.textHint}>
        {(props) => <textarea {...props} rows={14} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={g.note} error={errors.at('note')} hint={g.noteHint}>
        {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {g.save(nextVersion)}
      </button>
    </form>
  );
}
