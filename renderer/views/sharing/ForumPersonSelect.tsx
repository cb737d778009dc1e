import type { ForumMember } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import type { FormErrors } from '../../components/useFormErrors';
import { forumPersonText as t } from '../../text/sync';

/** What the select holds: nothing chosen yet, none of the forum's people, or one of them by id. */
export type ForumPersonChoice = '' | typeof NONE | string;
const NONE = 'ingen';

/** The forum person chosen, as the sharing methods take it: null for «none of them»; undefined while nothing is chosen. */
export function forumPersonOf(choice: ForumPersonChoice): string | null | undefined {
  if (choice === '') return undefined;
  return choice === NONE ? null : choice;
}

interface Props {
  label: string;
  hint: string;
  /** The forum's members (each person once, the current ones). */
  members: readonly ForumMember[];
  value: ForumPersonChoice;
  onChange(choice: ForumPersonChoice): void;
  /** The form's errors: the one at `forumPersonId` is shown here. */
  errors: Pick<FormErrors, 'at' | 'clear'>;
  disabled?: boolean;
}

/** The field the sharing methods' errors name for the forum person. */
const FIELD = 'forumPersonId';

/**
 * Which of the forum's people someone is on the server: the one person whose approvals and consents they may
 * give. No one is chosen for them: a wrong choice would let them approve as someone else.
 */
export function ForumPersonSelect({ label, hint, members, value, onChange, errors, disabled }: Props) {
  const people = [...new Map(members.filter((m) => m.toDate === null).map((m) => [m.personId, m])).values()];
  const choose = (choice: ForumPersonChoice) => {
    onChange(choice);
    // The message asked for a choice; once made, it has done its work.
    if (errors.at(FIELD)) errors.clear();
  };
  return (
    <Field label={label} hint={hint} error={errors.at(FIELD)}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => choose(e.target.value)} disabled={disabled}>
          <option value="">{t.choose}</option>
          {people.map((member) => (
            <option key={member.personId} value={member.personId}>
              {`${member.name} (${member.role})`}
            </option>
          ))}
          <option value={NONE}>{t.none}</option>
        </select>
      )}
    </Field>
  );
}
