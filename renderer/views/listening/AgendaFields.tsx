import type { ColourDefinition, ColourKey } from '../../../shared/domain/colours';
import { BUILT_IN_ITEM_TYPES, type ItemTypeDefinition } from '../../../shared/domain/items';
import { Field } from '../../components/Field';
import type { FormErrors } from '../../components/useFormErrors';
import { useApiQuery } from '../../api/queries';
import { listeningText as t } from '../../text/listening';
import { ColourSelect } from '../meetings/ColourSelect';
import { ItemTypeSelect } from '../meetings/ItemTypeSelect';

export interface AgendaValues {
  title: string;
  type: string;
  announcedColour: ColourKey | null;
  /** As typed, so a half-written number is not turned into 0 under the user's fingers. */
  minutes: string;
}

interface AgendaFieldsProps {
  meetingId: string;
  values: AgendaValues;
  onChange(values: AgendaValues): void;
  /** The form's errors: each field shows its own; a change clears them. */
  errors: Pick<FormErrors, 'at' | 'clear'>;
}

/** The new agenda item: title, type (the meeting forum's own types), colour for a beslutning, minutes. */
export function AgendaFields({ meetingId, values, onChange, errors }: AgendaFieldsProps) {
  // The item types and colours of the meeting the input is about to be sent to.
  const { data: target } = useApiQuery('meetings.get', { meetingId }, { enabled: meetingId !== '' });
  const itemTypes: readonly ItemTypeDefinition[] = target?.itemTypes ?? BUILT_IN_ITEM_TYPES;
  const colours: readonly ColourDefinition[] = target?.forumColours ?? [];
  const change = (patch: Partial<AgendaValues>) => {
    // A message about the old value would now be wrong; the next save checks again.
    errors.clear();
    onChange({ ...values, ...patch });
  };

  return (
    <>
      <Field label={t.itemTitle} error={errors.at('title')}>
        {(props) => <input {...props} value={values.title} onChange={(e) => change({ title: e.target.value })} />}
      </Field>
      <div className="field-row">
        <Field label={t.itemType} error={errors.at('type')}>
          {(props) => (
            <ItemTypeSelect {...props} itemTypes={itemTypes} value={values.type} onChange={(type) => change({ type })} />
          )}
        </Field>
        <Field label={t.minutes} error={errors.at('minutes')}>
          {(props) => (
            <input {...props} type="number" inputMode="numeric" min={1} value={values.minutes} onChange={(e) => change({ minutes: e.target.value })} />
          )}
        </Field>
      </div>
      {values.type === 'beslutning' && (
        <Field label={t.colour} error={errors.at('announcedColour')}>
          {(props) => (
            <ColourSelect {...props} colours={colours} value={values.announcedColour} onChange={(c) => change({ announcedColour: c })} />
          )}
        </Field>
      )}
    </>
  );
}
