import { useState, type FormEvent } from 'react';
import type { ShareResult } from '../../../shared/api/methods/sync';
import type { ForumMember } from '../../../shared/api/types';
import { call } from '../../api/client';
import { queryClient, useApiQuery } from '../../api/queries';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { forumPersonText, sharingText as t } from '../../text/sync';
import { ForumPersonSelect, forumPersonOf, type ForumPersonChoice } from './ForumPersonSelect';
import { forgetSharing } from './sharingQueries';

const FIELDS = ['serverAddress', 'forumPersonId'] as const;

/** «Del forummet»: the server address (the one this laptop may share on, when it knows one) and the button. */
export function ShareForumForm({ forumId, members, onShared }: { forumId: string; members: readonly ForumMember[]; onShared(result: ShareResult): void }) {
  const servers = useApiQuery('sync.servers', {}).data;
  const sharingServer = servers?.find((s) => s.canShare)?.serverUrl;
  const [typed, setTyped] = useState<string>();
  const serverAddress = typed ?? sharingServer ?? '';
  const [person, setPerson] = useState<ForumPersonChoice>('');
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const forumPersonId = forumPersonOf(person);
    if (forumPersonId === undefined) {
      errors.set({ code: 'ugyldigt_input', message: forumPersonText.requiredYou, field: 'forumPersonId' });
      return focusInvalid();
    }
    setBusy(true);
    const result = await call('sync.shareForum', { forumId, serverAddress, forumPersonId });
    setBusy(false);
    if (!result.ok) {
      errors.set(result.error);
      return focusInvalid();
    }
    errors.clear();
    onShared(result.value);
    // The tab turns into the shared forum's state; the status line follows by its own event.
    await forgetSharing(queryClient);
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby="share-forum-title" aria-busy={busy} noValidate>
      <h2 id="share-forum-title">{t.share}</h2>
      {servers && !sharingServer && <p className="muted">{t.noShareRight}</p>}
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.serverAddress} hint={t.serverAddressHint} error={errors.at('serverAddress')}>
        {(props) => (
          <input {...props} value={serverAddress} onChange={(e) => setTyped(e.target.value)} autoComplete="url" spellCheck={false} disabled={busy} />
        )}
      </Field>
      <ForumPersonSelect
        label={forumPersonText.whoAreYou}
        hint={forumPersonText.whoAreYouHint}
        members={members}
        value={person}
        onChange={setPerson}
        errors={errors}
        disabled={busy}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t.share}
      </button>
      {busy && (
        <p className="muted" role="status">
          {t.sharing}
        </p>
      )}
    </form>
  );
}
