import { useState, type FormEvent } from 'react';
import { COLOUR_REQUIRED } from '../../../shared/api/limits';
import type { AgendaItem, DecisionOutcome, FairProces, MeetingDetail } from '../../../shared/api/types';
import type { ColourKey } from '../../../shared/domain/colours';
import { decisionWarnings } from '../../../shared/domain/decisionWarnings';
import { ColourBadge } from '../../components/ColourBadge';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useRun } from '../../stores/run';
import { useUnsaved, useUnsavedStore } from '../../stores/unsaved';
import { runText as t } from '../../text/run';
import { ColourSelect } from '../meetings/ColourSelect';
import { focusStageHeading } from './stageFocus';

const FAIR_PROCES: readonly { title: string; fields: readonly (readonly [keyof FairProces, string])[] }[] = [
  { title: t.involve, fields: [['involveContext', t.involveContext], ['involveNeed', t.involveNeed], ['involveHow', t.involveHow]] },
  { title: t.explain, fields: [['explainReasoning', t.explainReasoning], ['explainCompromises', t.explainCompromises], ['explainConstraints', t.explainConstraints]] },
  { title: t.expect, fields: [['expectGiven', t.expectGiven], ['expectOpen', t.expectOpen], ['expectOfWhom', t.expectOfWhom]] },
];

const EMPTY_FAIR: FairProces = {
  involveContext: '',
  involveNeed: '',
  involveHow: '',
  explainReasoning: '',
  explainCompromises: '',
  explainConstraints: '',
  expectGiven: '',
  expectOpen: '',
  expectOfWhom: '',
};

const FIELDS = ['outcome', 'colour', 'colourReason', 'text', 'decidedBy', 'dissent', ...Object.keys(EMPTY_FAIR)];

/** The decision with its Fair Proces reasoning; it is read back to the room before it is final. */
export function DecisionPanel({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(FIELDS);
  const saved = item.decision;
  // What is typed but not saved outlives the panel, so masking or leaving the item loses nothing.
  const draft = `beslutning:${item.id}:`;
  const [outcome, setOutcome] = useUnsaved<DecisionOutcome>(`${draft}outcome`, saved?.outcome ?? 'beslutning');
  const [colour, setColour] = useUnsaved<ColourKey | null>(`${draft}colour`, saved?.colour ?? item.announcedColour);
  const [reason, setReason] = useUnsaved(`${draft}colourReason`, saved?.colourReason ?? '');
  const [text, setText] = useUnsaved(`${draft}text`, saved?.text ?? '');
  const [decidedBy, setDecidedBy] = useUnsaved(`${draft}decidedBy`, saved?.decidedBy ?? '');
  const [dissent, setDissent] = useUnsaved(`${draft}dissent`, saved?.dissent ?? '');
  // A new decision starts from what the item announced as given and open: the frame the room worked within,
  // confirmed or corrected here rather than typed again.
  const announced = { ...EMPTY_FAIR, expectGiven: item.announcedGiven, expectOpen: item.announcedOpen };
  const [fair, setFair] = useUnsaved<FairProces>(`${draft}fair`, saved ? pickFair(saved) : announced);
  const [notice, setNotice] = useState<string>();
  const colourChanged = item.announcedColour !== null && colour !== null && colour !== item.announcedColour;
  const readingBack = meeting.run.readbackItemId === item.id;
  // Warnings help while a decision is being written, not before anyone has started.
  const warnings = (text.trim() === '' && !saved) ? [] : decisionWarnings(
    { outcome, text, decidedBy, expectGiven: fair.expectGiven, expectOfWhom: fair.expectOfWhom },
    { announcedColour: item.announcedColour, actionCount: item.actions.length },
  );

  async function saveDraft(): Promise<boolean> {
    if (colour === null) {
      errors.set({ code: 'ugyldigt_input', message: COLOUR_REQUIRED, field: 'colour' });
      return false;
    }
    const result = await act('decisions.record', {
      itemId: item.id,
      outcome,
      colour,
      colourReason: colourChanged ? reason : '',
      text,
      decidedBy,
      dissent,
      ...fair,
    });
    if (!result.ok) {
      errors.set(result.error);
      return false;
    }
    useUnsavedStore.getState().forget(draft);
    errors.clear();
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await saveDraft()) setNotice(t.draftSaved);
  }

  async function readBack() {
    if (!(await saveDraft())) return;
    const result = await act('decisions.readBack', { itemId: item.id });
    if (!result.ok) errors.set(result.error);
    else setNotice(undefined);
  }

  async function finalize() {
    const result = await act('decisions.finalize', { itemId: item.id });
    if (!result.ok) errors.set(result.error);
    else focusStageHeading();
  }

  const decided = meeting.forumColours.find((c) => c.key === (saved?.colour ?? colour));
  // Open by default where a decision is expected or exists; one click away on other items.
  const expected = item.type === 'beslutning' || saved !== null;
  return (
    <details className="decision-panel" open={expected}>
      <summary className="decision-summary">
        <span id="decision-title">{t.decision}</span>
        {saved && <span className={saved.finalAt ? 'state-final' : 'state-draft'}>{saved.finalAt ? `✓ ${t.final}` : t.draft}</span>}
      </summary>
      {readingBack && saved && (
        <div className="readback" role="region" aria-label={t.readingBack}>
          <p className="readback-label">{t.readingBack}</p>
          <p className="readback-text">{saved.text}</p>
          {decided && <ColourBadge colour={decided} />}
          <button type="button" className="primary" onClick={() => void finalize()} aria-keyshortcuts="G">
            {t.finalize} <kbd>G</kbd>
          </button>
        </div>
      )}
      {warnings.map((w) => (
        <p key={w.kind} className="warning">
          {w.message}
        </p>
      ))}
      <form onSubmit={submit} noValidate aria-label={t.decision}>
        <Notice kind="error">{errors.general}</Notice>
        <Notice kind="ok">{notice}</Notice>
        <fieldset className="outcome">
          <legend>{t.outcome}</legend>
          <label className="check">
            <input type="radio" name={`outcome-${item.id}`} checked={outcome === 'beslutning'} onChange={() => setOutcome('beslutning')} />
            {t.outcomeDecision}
          </label>
          <label className="check">
            <input
              type="radio"
              name={`outcome-${item.id}`}
              checked={outcome === 'afklaring_uden_enighed'}
              onChange={() => setOutcome('afklaring_uden_enighed')}
            />
            {t.outcomeNoAgreement}
          </label>
        </fieldset>
        <Field label={t.colourUsed} error={errors.at('colour')}>
          {(props) => <ColourSelect {...props} colours={meeting.forumColours} value={colour} onChange={setColour} />}
        </Field>
        {colourChanged && (
          <Field label={t.colourReason} error={errors.at('colourReason')}>
            {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <Field label={outcome === 'beslutning' ? t.decisionText : t.noAgreementText} error={errors.at('text')}>
          {(props) => <textarea {...props} data-shortcut="beslutning" rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label={t.decidedBy} error={errors.at('decidedBy')}>
          {(props) => <input {...props} value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} />}
        </Field>
        {FAIR_PROCES.map((group) => (
          <details key={group.title} className="fair">
            <summary>{group.title}</summary>
            {group.fields.map(([key, label]) => (
              <Field key={key} label={label} error={errors.at(key)}>
                {(props) => <textarea {...props} rows={2} value={fair[key]} onChange={(e) => setFair({ ...fair, [key]: e.target.value })} />}
              </Field>
            ))}
          </details>
        ))}
        <Field label={t.dissent} error={errors.at('dissent')}>
          {(props) => <textarea {...props} rows={2} value={dissent} onChange={(e) => setDissent(e.target.value)} />}
        </Field>
        <div className="button-row">
          <button type="submit">{t.saveDraft}</button>
          <button type="button" className="primary" onClick={() => void readBack()} aria-keyshortcuts="L">
            {t.readBack} <kbd>L</kbd>
          </button>
        </div>
      </form>
    </details>
  );
}

function pickFair(source: FairProces): FairProces {
  const picked = { ...EMPTY_FAIR };
  for (const key of Object.keys(EMPTY_FAIR) as (keyof FairProces)[]) picked[key] = source[key];
  return picked;
}
