import { useState, type FormEvent } from 'react';
import type { ColourDefinition, ColourKey } from '../../../shared/domain/colours';
import { ITEM_TYPES, ITEM_TYPE_LABELS, type ItemType } from '../../../shared/domain/items';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { useMeetings } from '../../stores/meetings';
import { meetingsText as t } from '../../text/meetings';
import { ColourSelect } from './ColourSelect';

const FIELDS = ['title', 'type', 'minutes', 'announcedColour', 'owner', 'background'] as const;

export function NewItemForm({ meetingId, colours }: { meetingId: string; colours: readonly ColourDefinition[] }) {
  const addItem = useMeetings((s) => s.addItem);
  const errors = useFormErrors(FIELDS);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ItemType>('droeftelse');
  const [minutes, setMinutes] = useState('15');
  const [colour, setColour] = useState<ColourKey | null>(null);
  const [owner, setOwner] = useState('');
  const [background, setBackground] = useState('');
  const [added, setAdded] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await addItem({
      meetingId,
      title,
      type,
      minutes: Number(minutes),
      announcedColour: colour,
      owner,
      background,
    });
    if (!outcome.ok) {
      setAdded(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setAdded(t.itemAdded(title.trim()));
    setTitle('');
    setBackground('');
    setColour(null);
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-item-title" noValidate>
      <h2 id="new-item-title">{t.addItem}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{added}</Notice>
      <Field label={t.itemTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field label={t.itemType} error={errors.at('type')}>
          {(props) => (
            <select {...props} value={type} onChange={(e) => setType(e.target.value as ItemType)}>
              {ITEM_TYPES.map((it) => (
                <option key={it} value={it}>
                  {ITEM_TYPE_LABELS[it]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.itemMinutes} error={errors.at('minutes')}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t.announcedColour} error={errors.at('announcedColour')}>
        {(props) => <ColourSelect {...props} colours={colours} value={colour} onChange={setColour} allowNone />}
      </Field>
      <Field label={t.owner} error={errors.at('owner')}>
        {(props) => <input {...props} value={owner} onChange={(e) => setOwner(e.target.value)} />}
      </Field>
      <Field label={t.background} error={errors.at('background')}>
        {(props) => <textarea {...props} rows={3} value={background} onChange={(e) => setBackground(e.target.value)} />}
      </Field>
      <button type="submit" className="primary">
        {t.addItem}
      </button>
    </form>
  );
}
