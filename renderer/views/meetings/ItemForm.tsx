import { useState, type FormEvent } from 'react';
import type { ColourDefinition, ColourKey } from '../../../shared/domain/colours';
import type { ItemTypeDefinition } from '../../../shared/domain/items';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import type { Outcome } from '../../stores/request';
import { meetingsText as t } from '../../text/meetings';
import { ColourSelect } from './ColourSelect';
import { ItemTypeSelect } from './ItemTypeSelect';

const FIELDS = ['title', 'type', 'minutes', 'announcedColour', 'announcedGiven', 'announcedOpen', 'owner', 'background', 'confidential', 'sensitive'] as const;

export interface ItemFormValues {
  title: string;
  type: string;
  minutes: number;
  announcedColour: ColourKey | null;
  announcedGiven: string;
  announcedOpen: string;
  owner: string;
  background: string;
  confidential: boolean;
  sensitive: boolean;
}

/** Only the form's own fields: the API refuses fields it does not know. */
export function itemFormValues(item: ItemFormValues): ItemFormValues {
  const { title, type, minutes, announcedColour, announcedGiven, announcedOpen, owner, background, confidential, sensitive } = item;
  return { title, type, minutes, announcedColour, announcedGiven, announcedOpen, owner, background, confidential, sensitive };
}

export const EMPTY_ITEM: ItemFormValues = {
  title: '',
  type: 'droeftelse',
  minutes: 15,
  announcedColour: null,
  announcedGiven: '',
  announcedOpen: '',
  owner: '',
  background: '',
  confidential: false,
  sensitive: false,
};

interface ItemFormProps {
  initial: ItemFormValues;
  colours: readonly ColourDefinition[];
  itemTypes: readonly ItemTypeDefinition[];
  submitLabel: string;
  /** Shown after a successful save; the form is emptied when resetAfterSave is set. */
  savedMessage(values: ItemFormValues): string;
  resetAfterSave?: boolean;
  onSubmit(values: ItemFormValues): Promise<Outcome>;
}

/** The fields of an agenda item, for adding a new one and for editing one. */
export function ItemForm({ initial, colours, itemTypes, submitLabel, savedMessage, resetAfterSave, onSubmit }: ItemFormProps) {
  const errors = useFormErrors(FIELDS);
  const [values, setValues] = useState(initial);
  const [minutesText, setMinutesText] = useState(String(initial.minutes));
  const [saved, setSaved] = useState<string>();
  const change = (patch: Partial<ItemFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const submitted = { ...values, minutes: Number(minutesText) };
    const outcome = await onSubmit(submitted);
    if (!outcome.ok) {
      setSaved(undefined);
      return errors.set(outcome.error);
    }
    errors.clear();
    setSaved(savedMessage({ ...submitted, title: submitted.title.trim() }));
    if (resetAfterSave) {
      setValues({ ...EMPTY_ITEM, type: values.type, owner: values.owner });
      setMinutesText(String(EMPTY_ITEM.minutes));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Notice kind="error">{errors.general}</Notice>
      <Notice kind="ok">{saved}</Notice>
      <Field label={t.itemTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={values.title} onChange={(e) => change({ title: e.target.value })} />}
      </Field>
      <div className="field-row">
        <Field label={t.itemType} error={errors.at('type')}>
          {(props) => (
            <ItemTypeSelect {...props} itemTypes={itemTypes} value={values.type} onChange={(type) => change({ type })} />
          )}
        </Field>
        <Field label={t.itemMinutes} error={errors.at('minutes')}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} value={minutesText} onChange={(e) => setMinutesText(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t.announcedColour} error={errors.at('announcedColour')}>
        {(props) => (
          <ColourSelect {...props} colours={colours} value={values.announcedColour} onChange={(c) => change({ announcedColour: c })} allowNone />
        )}
      </Field>
      {/* Said with the colour, before the meeting: what the room cannot change, and where it has a say. */}
      <Field label={t.announcedGiven} hint={t.announcedGivenHint} error={errors.at('announcedGiven')}>
        {(props) => <textarea {...props} rows={2} value={values.announcedGiven} onChange={(e) => change({ announcedGiven: e.target.value })} />}
      </Field>
      <Field label={t.announcedOpen} hint={t.announcedOpenHint} error={errors.at('announcedOpen')}>
        {(props) => <textarea {...props} rows={2} value={values.announcedOpen} onChange={(e) => change({ announcedOpen: e.target.value })} />}
      </Field>
      <Field label={t.owner} error={errors.at('owner')}>
        {(props) => <input {...props} value={values.owner} onChange={(e) => change({ owner: e.target.value })} />}
      </Field>
      <Field label={t.background} error={errors.at('background')}>
        {(props) => <textarea {...props} rows={4} value={values.background} onChange={(e) => change({ background: e.target.value })} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={values.confidential} onChange={(e) => change({ confidential: e.target.checked })} />
        <span>
          {t.confidential}
          <span className="field-hint">{t.confidentialHint}</span>
        </span>
      </label>
      <label className="check">
        <input type="checkbox" checked={values.sensitive} onChange={(e) => change({ sensitive: e.target.checked })} />
        <span>
          {t.sensitive}
          <span className="field-hint">{t.sensitiveHint}</span>
        </span>
      </label>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
