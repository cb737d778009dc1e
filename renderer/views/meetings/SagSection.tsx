import { useCallback, useEffect, useRef, useState } from 'react';
import type { SagCandidate } from '../../../shared/api/methods/sager';
import type { AgendaItem, ItemSag } from '../../../shared/api/types';
import { useApiQuery, write } from '../../api/queries';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { sagText as t } from '../../text/sager';
import '../../styles/sager.css';

/** Typing pauses this long before the candidates are asked again. */
const DEBOUNCE_MS = 200;
/** The editor's column is narrow: a few candidates, and typing finds the rest. */
const SHOWN = 6;

/** The item's sag: where it belongs across meetings, or a way to link it to an earlier item. */
export function SagSection({ item }: { item: AgendaItem }) {
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const report = useCallback((ok: string | undefined, failed?: string) => {
    setNotice(ok);
    setError(failed);
  }, []);
  return (
    <section className="sag-section" aria-labelledby="sag-section-title">
      <h3 id="sag-section-title">{t.section}</h3>
      <Notice kind="ok">{notice}</Notice>
      <Notice kind="error">{error}</Notice>
      {item.sag ? <LinkedSag item={item} sag={item.sag} report={report} /> : <SagLinker item={item} report={report} />}
    </section>
  );
}

type Report = (ok: string | undefined, failed?: string) => void;

function LinkedSag({ item, sag, report }: { item: AgendaItem; sag: ItemSag; report: Report }) {
  const navigate = useRoute((s) => s.navigate);
  const showRef = useRef<HTMLButtonElement>(null);

  // Just linked: the Knyt button is gone, so focus goes to what comes next.
  useEffect(() => {
    if (document.activeElement === document.body) showRef.current?.focus();
  }, []);

  async function leave() {
    // The meeting shows the item without its sag when the change event has refetched it.
    const result = await write('sager.unlink', { itemId: item.id });
    if (!result.ok) return report(undefined, result.error.message);
    report(result.value.dissolved ? t.dissolved : t.unlinked);
  }

  return (
    <>
      <p className="sag-part-of">{t.partOf(sag.title, sag.itemCount)}</p>
      <div className="button-row">
        <button ref={showRef} type="button" onClick={() => navigate({ section: 'arkiv', sagId: sag.id })}>
          {t.showTimeline}
        </button>
        <button type="button" className="link" onClick={() => void leave()}>
          {t.unlink}
        </button>
      </div>
    </>
  );
}

function SagLinker({ item, report }: { item: AgendaItem; report: Report }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  // What the candidates are asked for: the typed text after a short pause.
  const [asked, setAsked] = useState('');
  // Linking is done in the co-owners' agenda editor, which shows the closed items' titles anyway.
  const { data: found, error: findError } = useApiQuery('sager.candidates', { itemId: item.id, text: asked, includeConfidential: true }, { enabled: open, keepPrevious: true });

  useEffect(() => {
    const timer = setTimeout(() => setAsked(text), text === '' ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (findError) report(undefined, findError.message);
  }, [findError, report]);

  async function choose(candidate: SagCandidate) {
    const result = await write('sager.link', { itemId: item.id, earlierItemId: candidate.itemId });
    if (!result.ok) return report(undefined, result.error.message);
    const { sag, mergedFrom } = result.value;
    report(mergedFrom === null ? t.linked(sag.title) : t.merged(mergedFrom, sag.title));
  }

  const shown = found?.slice(0, SHOWN) ?? [];
  return (
    <details className="sag-linker" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.linkTitle}</summary>
      <p className="field-hint">{t.linkIntro}</p>
      <Field label={t.search} hint={t.searchHint}>
        {(props) => <input {...props} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />}
      </Field>
      <p className="sag-candidates-status" role="status">
        {found === undefined ? t.loading : found.length === 0 ? (text.trim() === '' ? t.noEarlier : t.noCandidates) : found.length > SHOWN ? t.moreCandidates(SHOWN) : ''}
      </p>
      {shown.length > 0 && (
        <ul className="sag-candidates" aria-label={t.candidates}>
          {shown.map((c) => (
            <CandidateRow key={c.itemId} candidate={c} onChoose={() => void choose(c)} />
          ))}
        </ul>
      )}
    </details>
  );
}

function CandidateRow({ candidate: c, onChoose }: { candidate: SagCandidate; onChoose(): void }) {
  const date = shortDate(c.meetingStartsAt);
  return (
    <li className="sag-candidate">
      <div className="sag-candidate-body">
        <p className="sag-candidate-title">
          {c.confidential && (
            <span className="sag-closed">
              <Icon name="laas" /> {t.confidential}:{' '}
            </span>
          )}
          {c.itemTitle}
        </p>
        <p className="muted">
          {c.forumName} · {date}
          {c.decided && ` · ${t.decided}`}
          {c.sag && ` · ${t.inSag(c.sag.title)}`}
        </p>
      </div>
      <button type="button" aria-label={t.linkName(c.itemTitle, c.forumName, date)} onClick={onChoose}>
        {t.link}
      </button>
    </li>
  );
}
