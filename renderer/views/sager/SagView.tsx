import { useState, type FormEvent } from 'react';
import type { SagTimeline } from '../../../shared/api/methods/sager';
import { sagJourney } from '../../../shared/domain/sager';
import { useApiQuery, write } from '../../api/queries';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { sagText as t } from '../../text/sager';
import { SagEntries } from './SagEntries';
import '../../styles/sager.css';

/** A sag's timeline: its journey from first raised to decided and followed up, across meetings and forums. */
export function SagView({ sagId }: { sagId: string }) {
  // Confidential content is shown only when chosen on this page (the view is new for each sag).
  const [includeConfidential, showConfidential] = useState(false);
  // Refetched when a sag, meeting, forum or action it reads changes, by the change events.
  const { data: ready, error: loadError } = useApiQuery('sager.get', { sagId, includeConfidential }, { keepPrevious: true });
  const navigate = useRoute((s) => s.navigate);

  return (
    <div className="page sag-page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'arkiv' })}>
          {t.backToArchive}
        </button>
      </nav>
      <Notice kind="error">{loadError?.message}</Notice>
      {ready && (
        <>
          <header className="page-header">
            <p className="kicker">{t.kicker}</p>
            <h1>{ready.title}</h1>
            <p className="lead">{summary(ready)}</p>
          </header>
          <div className="sag-tools">
            <RenameForm sagId={ready.id} title={ready.title} />
            {ready.entries.some((e) => e.confidential) && (
              <label className="check">
                <input type="checkbox" checked={includeConfidential} onChange={(e) => showConfidential(e.target.checked)} />
                <span>
                  <Icon name="laas" /> {t.showConfidential}
                  <span className="field-hint">{t.showConfidentialHint}</span>
                </span>
              </label>
            )}
          </div>
          <Journey timeline={ready} />
          <h2>{t.timeline}</h2>
          <SagEntries entries={ready.entries} />
        </>
      )}
    </div>
  );
}

function summary(timeline: SagTimeline): string {
  const forums = new Set(timeline.entries.map((e) => e.forumId)).size;
  const first = timeline.entries[0]?.meetingStartsAt;
  const last = timeline.entries.at(-1)?.meetingStartsAt;
  return t.summary(timeline.entries.length, forums, first ? shortDate(first) : '', last ? shortDate(last) : '');
}

/** The four milestones, each with the date it was first reached; text and a mark, never colour alone. */
function Journey({ timeline }: { timeline: SagTimeline }) {
  const journey = sagJourney(timeline.entries.map((e) => e.steps));
  return (
    <ol className="sag-journey" aria-label={t.journey}>
      {journey.map(({ step, firstAt }) => {
        const entry = firstAt === null ? undefined : timeline.entries[firstAt];
        return (
          <li key={step} className={entry ? 'reached' : 'not-reached'}>
            <span className="journey-mark" aria-hidden="true">
              {entry ? '✓' : '○'}
            </span>
            <span className="journey-label">{t.stepLabels[step]}</span>
            <span className="journey-date">{entry ? shortDate(entry.meetingStartsAt) : t.notYet}</span>
          </li>
        );
      })}
    </ol>
  );
}

function RenameForm({ sagId, title }: { sagId: string; title: string }) {
  const errors = useFormErrors(['title']);
  const [draft, setDraft] = useState(title);
  const [saved, setSaved] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await write('sager.rename', { sagId, title: draft });
    if (!result.ok) {
      setSaved(undefined);
      return errors.set(result.error);
    }
    errors.clear();
    setSaved(t.renamed);
  }

  return (
    <form className="sag-rename" onSubmit={submit} noValidate aria-label={t.rename}>
      <Field label={t.rename} hint={t.renameHint} error={errors.at('title')}>
        {(props) => <input {...props} value={draft} onChange={(e) => setDraft(e.target.value)} />}
      </Field>
      <button type="submit">{t.saveTitle}</button>
      <Notice kind="ok">{saved}</Notice>
      <Notice kind="error">{errors.general}</Notice>
    </form>
  );
}
