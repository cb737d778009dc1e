import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useMeetings } from '../../stores/meetings';
import { meetingsText as t } from '../../text/meetings';

const FIELDS = ['what', 'who', 'due'] as const;

export function ActionForm({ itemId, itemTitle }: { itemId: string; itemTitle: string }) {
  const addAction = useMeetings((s) => s.addAction);
  const errors = useFormErrors(FIELDS);
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const [added, setAdded] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await addAction({ itemId, what, who, due: due === '' ? null : due });
    if (!outcome.ok) {
      setAdded(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setAdded(t.actionAdded);
    setWhat('');
    setWho('');
    setDue('');
  }

  return (
    <details className="tool">
      <summary>{t.addAction}</summary>
      <form onSubmit={submit} noValidate aria-label={`${t.addAction}: ${itemTitle}`}>
        <Notice kind="error">{errors.general}</Notice>
        <Notice kind="ok">{added}</Notice>
        <Field label={t.what} error={errors.at('what')}>
          {(props) => <input {...props} value={what} onChange={(e) => setWhat(e.target.value)} />}
        </Field>
        <div className="field-row">
          <Field label={t.who} error={errors.at('who')}>
            {(props) => <input {...props} value={who} onChange={(e) => setWho(e.target.value)} />}
          </Field>
          <Field label={t.due} error={errors.at('due')}>
            {(props) => <input {...props} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
          </Field>
        </div>
        <button type="submit" className="primary">
          {t.addAction}
        </button>
      </form>
    </details>
  );
}
