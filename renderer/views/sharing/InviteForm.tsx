import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ForumRight } from '../../../shared/api/methods/sync';
import type { ForumMember } from '../../../shared/api/types';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { forumPersonText, rightText, sharingText as t } from '../../text/sync';
import { ForumPersonSelect, forumPersonOf, type ForumPersonChoice } from './ForumPersonSelect';
import { InvitationCode, type Invitation } from './InvitationCode';

const FIELDS = ['name', 'right', 'forumPersonId'] as const;
/** In the order offered: a member first, the usual choice for a TRIO's co-owners. */
const RIGHTS: readonly ForumRight[] = ['medlem', 'læser'];

/** A forum admin invites a person: name and right in, a one-time code out, to hand over. */
export function InviteForm({ forumId, serverUrl, members }: { forumId: string; serverUrl: string; members: readonly ForumMember[] }) {
  const [invitation, setInvitation] = useState<Invitation>();
  const [again, setAgain] = useState(false);

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t.inviteTitle}</h2>
      <p className="muted">{t.inviteIntro}</p>
      {invitation ? (
        <>
          <InvitationCode invitation={invitation} serverUrl={serverUrl} />
          <button
            type="button"
            onClick={() => {
              setInvitation(undefined);
              setAgain(true);
            }}
          >
            {t.another}
          </button>
        </>
      ) : (
        <NewInvitation forumId={forumId} members={members} onMade={setInvitation} focusFirst={again} />
      )}
    </section>
  );
}

interface NewInvitationProps {
  forumId: string;
  members: readonly ForumMember[];
  onMade(invitation: Invitation): void;
  /** Shown anew after a code («Invitér en mere»): the button is gone, so focus starts at the first field. */
  focusFirst: boolean;
}

function NewInvitation({ forumId, members, onMade, focusFirst }: NewInvitationProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) nameRef.current?.focus();
  }, [focusFirst]);
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [name, setName] = useState('');
  const [right, setRight] = useState<ForumRight>('medlem');
  const [person, setPerson] = useState<ForumPersonChoice>('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const forumPersonId = forumPersonOf(person);
    if (forumPersonId === undefined) {
      errors.set({ code: 'ugyldigt_input', message: forumPersonText.required, field: 'forumPersonId' });
      return focusInvalid();
    }
    setBusy(true);
    const result = await call('sync.invite', { forumId, right, name, forumPersonId });
    setBusy(false);
    if (!result.ok) {
      errors.set(result.error);
      return focusInvalid();
    }
    errors.clear();
    onMade({ name: name.trim(), right, ...result.value });
  }

  return (
    <form ref={formRef} onSubmit={submit} aria-label={t.inviteTitle} aria-busy={busy} noValidate>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.inviteName} hint={t.inviteNameHint} error={errors.at('name')}>
        {(props) => <input {...props} ref={nameRef} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <ForumPersonSelect
        label={forumPersonText.whoIsInvited}
        hint={forumPersonText.whoIsInvitedHint}
        members={members}
        value={person}
        onChange={setPerson}
        errors={errors}
      />
      <fieldset className="right-choice" aria-invalid={Boolean(errors.at('right'))}>
        <legend>{t.rightLegend}</legend>
        {RIGHTS.map((each) => (
          <label key={each} className="right-option">
            <input type="radio" name="right" value={each} checked={right === each} onChange={() => setRight(each)} />
            <span>
              <strong>{rightText[each].label}</strong>
              <span className="right-explain">{rightText[each].explain}</span>
            </span>
          </label>
        ))}
        {errors.at('right') && (
          <p className="field-error" role="alert">
            {errors.at('right')}
          </p>
        )}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.inviting : t.invite}
      </button>
    </form>
  );
}
