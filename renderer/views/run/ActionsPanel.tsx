import '../../styles/itemPanels.css';
import { useState, type FormEvent } from 'react';
import type { Action, MeetingDetail } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { useRun } from '../../stores/run';
import { useUnsaved, useUnsavedStore } from '../../stores/unsaved';
import { runText as t } from '../../text/run';

interface ActionsPanelProps {
  meeting: MeetingDetail;
  itemId: string | null;
  actions: readonly Action[];
  /** The referat is approved: the meeting agrees no new actions; its actions are followed up under Opfølgning. */
  readOnly?: boolean;
}

/** Hvad / hvem / hvornår, on an item or on the meeting as a whole; they come back until done. */
export function ActionsPanel({ meeting, itemId, actions, readOnly = false }: ActionsPanelProps) {
  const act = useRun((s) => s.act);
  const errors = useFormErrors(['what', 'who', 'due', 'term', 'itemId']);
  // What is typed but not added outlives the panel, so masking or leaving the item loses nothing.
  const draft = `handling:${itemId ?? meeting.id}:`;
  const [what, setWhat] = useUnsaved(`${draft}what`, '');
  const [who, setWho] = useUnsaved(`${draft}who`, '');
  const [due, setDue] = useUnsaved(`${draft}due`, '');
  const [term, setTerm] = useUnsaved<'kort' | 'lang'>(`${draft}term`, 'kort');
  const [added, setAdded] = useState<string>();
  const listId = `participants-${itemId ?? 'meeting'}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await act('actions.create', { itemId, meetingId: meeting.id, what, who, due: due === '' ? null : due, term });
    if (!outcome.ok) {
      setAdded(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setAdded(t.actionAdded);
    useUnsavedStore.getState().forget(draft);
  }

  return (
    <section className="actions-panel" aria-labelledby={`${listId}-title`}>
      <h3 id={`${listId}-title`}>{itemId ? t.actions : t.meetingActions}</h3>
      {actions.length === 0 ? (
        <p className="muted">{t.noActions}</p>
      ) : (
        <ul className="action-list">
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{a.what}</strong> — {a.who}
              {a.due && `, ${shortDate(a.due)}`} · {a.term === 'kort' ? t.short : t.long}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form onSubmit={submit} noValidate aria-label={t.addAction}>
          <Notice kind="error">{errors.general}</Notice>
          <Notice kind="ok">{added}</Notice>
          <Field label={t.what} error={errors.at('what')}>
            {(props) => <input {...props} data-shortcut="handling" value={what} onChange={(e) => setWhat(e.target.value)} />}
          </Field>
          <Field label={t.who} hint={t.whoHint} error={errors.at('who')}>
            {(props) => <input {...props} list={listId} value={who} onChange={(e) => setWho(e.target.value)} />}
          </Field>
          <datalist id={listId}>
            {meeting.participants.map((p) => (
              <option key={p.personId} value={p.name}>
                {p.role}
              </option>
            ))}
          </datalist>
          <div className="field-row">
            <Field label={t.due} error={errors.at('due')}>
              {(props) => <input {...props} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
            </Field>
            <Field label={t.term} error={errors.at('term')}>
              {(props) => (
                <select {...props} value={term} onChange={(e) => setTerm(e.target.value === 'lang' ? 'lang' : 'kort')}>
                  <option value="kort">{t.short}</option>
                  <option value="lang">{t.long}</option>
                </select>
              )}
            </Field>
          </div>
          <button type="submit">{t.addAction}</button>
        </form>
      )}
    </section>
  );
}
