import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { meetingsText as t } from '../../text/meetings';

/** Forums have their own kinds of items (e.g. "Høring"); a new type is available to every forum. */
export function ItemTypeAdder() {
  const errors = useFormErrors(['label']);
  const [label, setLabel] = useState('');
  const [added, setAdded] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await write('itemTypes.create', { label });
    if (!result.ok) {
      setAdded(undefined);
      return errors.set(result.error);
    }
    errors.clear();
    setAdded(t.typeAdded(label.trim()));
    setLabel('');
  }

  return (
    <details className="tool">
      <summary>{t.addType}</summary>
      <form onSubmit={submit} noValidate aria-label={t.addType}>
        <Notice kind="error">{errors.general}</Notice>
        <Notice kind="ok">{added}</Notice>
        <Field label={t.newType} error={errors.at('label')}>
          {(props) => <input {...props} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <button type="submit">{t.addType}</button>
      </form>
    </details>
  );
}
