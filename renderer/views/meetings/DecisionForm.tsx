import { useState, type FormEvent } from 'react';
import { COLOUR_REQUIRED } from '../../../shared/api/fields';
import type { AgendaItem } from '../../../shared/api/types';
import type { ColourDefinition, ColourKey } from '../../../shared/domain/colours';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useMeetings } from '../../stores/meetings';
import { meetingsText as t } from '../../text/meetings';
import { ColourSelect } from './ColourSelect';

const FIELDS = ['colour', 'text', 'colourReason', 'dissent'] as const;

export function DecisionForm({ item, colours }: { item: AgendaItem; colours: readonly ColourDefinition[] }) {
  const record = useMeetings((s) => s.recordDecision);
  const errors = useFormErrors(FIELDS);
  const [colour, setColour] = useState<ColourKey | null>(item.decision?.colour ?? item.announcedColour);
  const [text, setText] = useState(item.decision?.text ?? '');
  const [reason, setReason] = useState(item.decision?.colourReason ?? '');
  const [dissent, setDissent] = useState(item.decision?.dissent ?? '');
  const [saved, setSaved] = useState<string>();
  const colourChanged = item.announcedColour !== null && colour !== null && colour !== item.announcedColour;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (colour === null) return errors.set({ code: 'ugyldigt_input', message: COLOUR_REQUIRED, field: 'colour' });
    const outcome = await record({ itemId: item.id, colour, text, colourReason: colourChanged ? reason : '', dissent });
    if (!outcome.ok) {
      setSaved(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setSaved(t.decisionSaved);
  }

  return (
    <details className="tool">
      <summary>{item.decision ? t.updateDecision : t.recordDecision}</summary>
      <form onSubmit={submit} noValidate aria-label={`${t.recordDecision}: ${item.title}`}>
        <Notice kind="error">{errors.general}</Notice>
        <Notice kind="ok">{saved}</Notice>
        <Field label={t.decisionColour} error={errors.at('colour')}>
          {(props) => <ColourSelect {...props} colours={colours} value={colour} onChange={setColour} />}
        </Field>
        {colourChanged && (
          <Field label={t.colourReason} error={errors.at('colourReason')}>
            {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <Field label={t.decisionText} error={errors.at('text')}>
          {(props) => <textarea {...props} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label={t.dissent} error={errors.at('dissent')}>
          {(props) => <textarea {...props} rows={2} value={dissent} onChange={(e) => setDissent(e.target.value)} />}
        </Field>
        <button type="submit" className="primary">
          {t.recordDecision}
        </button>
      </form>
    </details>
  );
}
