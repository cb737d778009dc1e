import '../../styles/itemPanels.css';
import { format } from 'date-fns';
import { useRef, useState, type FormEvent } from 'react';
import { COLOUR_REQUIRED } from '../../../shared/api/limits';
import type { AgendaItem, DecisionDraft, FairProces, MeetingDetail } from '../../../shared/api/types';
import { decisionWarnings } from '../../../shared/domain/decisionWarnings';
import { useApiQuery } from '../../api/queries';
import { ColourBadge } from '../../components/ColourBadge';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useRun } from '../../stores/run';
import { useUnsavedStore } from '../../stores/unsaved';
import { runText as t } from '../../text/run';
import { ColourSelect } from '../meetings/ColourSelect';
import { focusStageHeading } from './stageFocus';
import { useSaveOnLeave } from './useSaveOnLeave';
import { decisionInput, EMPTY_FAIR, showsRecorded, startValues, writtenDissents, type DecisionValues } from './decisionValues';
import { DissentFields } from './DissentFields';

const FAIR_PROCES: readonly { title: string; fields: readonly (readonly [keyof FairProces, string])[] }[] = [
  { title: t.involve, fields: [['involveContext', t.involveContext], ['involveNeed', t.involveNeed], ['involveHow', t.involveHow]] },
  { title: t.explain, fields: [['explainReasoning', t.explainReasoning], ['explainCompromises', t.explainCompromises], ['explainConstraints', t.explainConstraints]] },
  { title: t.expect, fields: [['expectGiven', t.expectGiven], ['expectOpen', t.expectOpen], ['expectOfWhom', t.expectOfWhom]] },
];

const FIELDS = ['outcome', 'colour', 'colourReason', 'text', 'decidedBy', ...Object.keys(EMPTY_FAIR)];

const SAVE_AFTER_MS = 400;

/**
 * The decision with its Fair Proces reasoning; it is read back to the room before it is final. The
 * panel opens with the item's draft when it has one, so it waits for the archive's answer once.
 */
export function DecisionPanel({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const query = useApiQuery('decisions.draft', { itemId: item.id });
  const [start, setStart] = useState<{ draft: DecisionDraft | null }>();
  const settled = query.isSuccess && !query.isFetching;
  // Only the first settled answer starts the form; later answers are the form's own saves coming back.
  if (settled && start === undefined) setStart(query.data);
  if (query.error) return <Notice kind="error">{query.error.message}</Notice>;
  if (!start) return null;
  return <DecisionForm meeting={meeting} item={item} draft={start.draft} />;
}

/**
 * The form saves what is typed as the item's draft, as the notes do: shortly after each pause, when a
 * field is left, when the window is hidden or closed, and when the item is left. Until the archive has
 * it, it is also kept outside the form, so a masked or left item comes back with it.
 */
function DecisionForm({ meeting, item, draft }: { meeting: MeetingDetail; item: AgendaItem; draft: DecisionDraft | null }) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(FIELDS);
  const saved = item.decision;
  const key = `beslutning:${item.id}`;
  const [values, setValues] = useState<DecisionValues>(() => {
    const unsaved = useUnsavedStore.getState().values[key];
    // Only this form writes under its key, so what is kept there has its shape.
    return unsaved ? (unsaved as DecisionValues) : startValues(item, draft);
  });
  const latest = useRef(values);
  const archived = useRef(JSON.stringify(startValues(item, draft)));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [draftState, setDraftState] = useState('');
  const [notice, setNotice] = useState<string>();
  const panel = useRef<HTMLDetailsElement>(null);

  const { outcome, colour, colourReason, text, decidedBy, dissents, fair } = values;
  const colourChanged = item.announcedColour !== null && colour !== null && colour !== item.announcedColour;
  const readingBack = meeting.run.readbackItemId === item.id;
  // Warnings help while a decision is being written, not before anyone has started.
  const warnings = (text.trim() === '' && !saved) ? [] : decisionWarnings(
    { outcome, text, decidedBy, expectGiven: fair.expectGiven, expectOfWhom: fair.expectOfWhom },
    { announcedColour: item.announcedColour, actionCount: item.actions.length, itemOwner: item.owner },
  );

  async function saveDraft() {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const now = latest.current;
    const json = JSON.stringify(now);
    if (json === archived.current) return;
    const result = await act('decisions.saveDraft', decisionInput(item, now));
    if (!result.ok) {
      setDraftState('');
      return errors.set(result.error);
    }
    archived.current = json;
    setDraftState(t.draftKeptAt(format(new Date(), 'HH.mm')));
  }

  useSaveOnLeave(item.id, () => void saveDraft(), { alsoAtStart: false });

  function change(next: Partial<DecisionValues>) {
    const value = { ...latest.current, ...next };
    latest.current = value;
    useUnsavedStore.getState().keep(key, value);
    setValues(value);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => void saveDraft(), SAVE_AFTER_MS);
  }

  /** Records what is on screen as the decision (a draft until read back and approved). */
  async function record(): Promise<boolean> {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const now = latest.current;
    if (now.colour === null) {
      errors.set({ code: 'ugyldigt_input', message: COLOUR_REQUIRED, field: 'colour' });
      return false;
    }
    const result = await act('decisions.record', { ...decisionInput(item, { ...now, dissents: writtenDissents(now.dissents) }), colour: now.colour });
    if (!result.ok) {
      errors.set(result.error);
      return false;
    }
    // The decision replaced the draft; typing from here starts a new one.
    archived.current = JSON.stringify(now);
    if (latest.current === now) useUnsavedStore.getState().forget(key);
    setDraftState('');
    errors.clear();
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await record()) setNotice(t.draftSaved);
  }

  async function readBack() {
    setNotice(undefined);
    if (latest.current.text.trim() === '') {
      if (panel.current) panel.current.open = true;
      errors.set({ code: 'ugyldigt_input', message: t.nothingToReadBack, field: 'text' });
      return;
    }
    if (!(await record())) return;
    const result = await act('decisions.readBack', { itemId: item.id });
    if (!result.ok) errors.set(result.error);
  }

  async function finalize() {
    // What the room approves is what it heard: an edit since the read-back must be read again.
    if (!showsRecorded(item, latest.current)) {
      errors.set({ code: 'konflikt', message: t.changedSinceReadBack });
      return;
    }
    const result = await act('decisions.finalize', { itemId: item.id });
    if (!result.ok) errors.set(result.error);
    else focusStageHeading();
  }

  const decided = meeting.forumColours.find((c) => c.key === (saved?.colour ?? colour));
  // Open by default where a decision is expected or exists; one click away on other items.
  const expected = item.type === 'beslutning' || saved !== null || draft !== null;
  return (
    <details className="decision-panel" open={expected} ref={panel}>
      <summary className="decision-summary">
        <span id="decision-title">{t.decision}</span>
        {saved && <span className={saved.finalAt ? 'state-final' : 'state-draft'}>{saved.finalAt ? `✓ ${t.final}` : t.draft}</span>}
      </summary>
      {readingBack && saved && (
        <div className="readback" role="region" aria-label={t.readingBack}>
          <p className="readback-label">{t.readingBack}</p>
          <p className="readback-text">{saved.text}</p>
          {decided && <ColourBadge colour={decided} />}
          <button type="button" className="primary" data-shortcut="godkend" onClick={() => void finalize()} aria-keyshortcuts="G">
            {t.finalize} <kbd>G</kbd>
          </button>
        </div>
      )}
      {warnings.map((w) => (
        <p key={w.kind} className="warning">
          {w.message}
        </p>
      ))}
      <form onSubmit={submit} onBlur={() => void saveDraft()} noValidate aria-label={t.decision}>
        <Notice kind="error">{errors.general}</Notice>
        <Notice kind="ok">{notice}</Notice>
        <fieldset className="outcome">
          <legend>{t.outcome}</legend>
          <label className="check">
            <input type="radio" name={`outcome-${item.id}`} checked={outcome === 'beslutning'} onChange={() => change({ outcome: 'beslutning' })} />
            {t.outcomeDecision}
          </label>
          <label className="check">
            <input
              type="radio"
              name={`outcome-${item.id}`}
              checked={outcome === 'afklaring_uden_enighed'}
              onChange={() => change({ outcome: 'afklaring_uden_enighed' })}
            />
            {t.outcomeNoAgreement}
          </label>
        </fieldset>
        <Field label={t.colourUsed} error={errors.at('colour')}>
          {(props) => <ColourSelect {...props} colours={meeting.forumColours} value={colour} onChange={(value) => change({ colour: value })} />}
        </Field>
        {colourChanged && (
          <Field label={t.colourReason} error={errors.at('colourReason')}>
            {(props) => <input {...props} value={colourReason} onChange={(e) => change({ colourReason: e.target.value })} />}
          </Field>
        )}
        <Field label={outcome === 'beslutning' ? t.decisionText : t.noAgreementText} error={errors.at('text')}>
          {(props) => <textarea {...props} data-shortcut="beslutning" rows={3} value={text} onChange={(e) => change({ text: e.target.value })} />}
        </Field>
        <Field label={t.decidedBy} error={errors.at('decidedBy')}>
          {(props) => <input {...props} value={decidedBy} onChange={(e) => change({ decidedBy: e.target.value })} />}
        </Field>
        {FAIR_PROCES.map((group) => (
          <details key={group.title} className="fair">
            <summary>{group.title}</summary>
            {group.fields.map(([field, label]) => (
              <Field key={field} label={label} error={errors.at(field)}>
                {(props) => <textarea {...props} rows={2} value={fair[field]} onChange={(e) => change({ fair: { ...latest.current.fair, [field]: e.target.value } })} />}
              </Field>
            ))}
          </details>
        ))}
        <DissentFields itemId={item.id} dissents={dissents} participants={meeting.participants} onChange={(value) => change({ dissents: value })} />
        <p className="save-state" role="status">
          {draftState}
        </p>
        <div className="button-row">
          <button type="submit">{t.saveDraft}</button>
          <button type="button" className="primary" data-shortcut="laes-op" onClick={() => void readBack()} aria-keyshortcuts="L">
            {t.readBack} <kbd>L</kbd>
          </button>
        </div>
      </form>
    </details>
  );
}
