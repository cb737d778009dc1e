import '../../styles/comments.css';
import { useEffect, useRef, useState } from 'react';
import type { KeptWords as Kept } from '../../../shared/api/methods/keptWords';
import type { AgendaItem } from '../../../shared/api/types';
import { useApiQuery, write } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { keptWordsText as t } from '../../text/keptWords';

interface KeptWordsProps {
  meetingId: string;
  item: AgendaItem;
  /** The referat is approved and locked: the words can no longer go into the item, only be discarded. */
  locked: boolean;
}

/**
 * Words a member typed, offline, in this item while it was closed, when another laptop opened it meanwhile: kept for
 * the members only (electron/sync/openedWords.ts), until one of them puts them into the item or discards them.
 */
export function KeptWords({ meetingId, item, locked }: KeptWordsProps) {
  const { data } = useApiQuery('agenda.keptWords', { meetingId });
  const [done, setDone] = useState<string>();
  const kept = data?.filter((k) => k.itemId === item.id) ?? [];
  return (
    <>
      <Notice kind="ok">{done}</Notice>
      {kept.map((k) => (
        <KeptEntry key={k.keptId} kept={k} open={!item.confidential} locked={locked} onDone={setDone} />
      ))}
    </>
  );
}

function KeptEntry({ kept, open, locked, onDone }: { kept: Kept; open: boolean; locked: boolean; onDone(message: string): void }) {
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [error, setError] = useState<string>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The button that asked is gone: the question's answer takes the focus, so the keyboard stays where it was.
  useEffect(() => {
    if (confirmDiscard) confirmButton.current?.focus();
  }, [confirmDiscard]);
  const headingId = `kept-${kept.keptId}`;
  const ids = { itemId: kept.itemId, keptId: kept.keptId };

  async function settle(method: 'agenda.useKeptWords' | 'agenda.discardKeptWords', message: string) {
    const outcome = await write(method, ids);
    if (!outcome.ok) return setError(outcome.error.message);
    onDone(message);
  }

  return (
    <section className="kept-words" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <p>{locked ? t.explainLocked : open ? t.explainOpen : t.explainClosed}</p>
      <p className="muted">{t.written(kept.personName, kept.at)}</p>
      <dl className="kept-words-fields">
        {kept.fields.map((f) => (
          <div key={f.field}>
            <dt>{f.label}</dt>
            <dd className="pre-line">{f.words}</dd>
          </div>
        ))}
      </dl>
      <Notice kind="error">{error}</Notice>
      {confirmDiscard ? (
        <p role="group" aria-label={t.discard}>
          {t.discardQuestion}{' '}
          <button ref={confirmButton} type="button" className="danger" onClick={() => void settle('agenda.discardKeptWords', t.discarded)}>
            {t.confirmDiscard}
          </button>{' '}
          <button type="button" onClick={() => setConfirmDiscard(false)}>
            {t.cancel}
          </button>
        </p>
      ) : (
        <p className="kept-words-actions">
          {!locked && (
            <button type="button" onClick={() => void settle('agenda.useKeptWords', t.putInDone)}>
              {open ? t.putInOpen : t.putIn}
            </button>
          )}{' '}
          <button type="button" onClick={() => setConfirmDiscard(true)}>
            {t.discard}
          </button>
        </p>
      )}
    </section>
  );
}
