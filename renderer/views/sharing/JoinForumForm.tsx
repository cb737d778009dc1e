import { useId, useState, type FormEvent } from 'react';
import type { JoinResult, SignInResult } from '../../../shared/api/methods/sync';
import { call } from '../../api/client';
import { queryClient, useApiQuery } from '../../api/queries';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFocusInvalid } from '../../components/useFocusInvalid';
import { useFormErrors } from '../../components/useFormErrors';
import { useRoute } from '../../stores/route';
import { joinText as t, rightText, signInText } from '../../text/sync';
import { KommuneLogin, serverTyped } from './KommuneLogin';
import { forgetSharing } from './sharingQueries';
import '../../styles/sharing.css';

const FIELDS = ['serverAddress', 'code'] as const;

/**
 * «Tilslut et delt forum»: server address, the kommune's login for it, and an invitation code; afterwards the
 * forums that arrive (those the signed-in person may reach, or those the code brought).
 */
export function JoinForumForm() {
  const titleId = useId();
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [serverAddress, setServerAddress] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<JoinResult | SignInResult>();
  const servers = useApiQuery('sync.servers', {}).data;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('sync.join', { serverAddress, code });
    setBusy(false);
    if (!result.ok) {
      errors.set(result.error);
      return focusInvalid();
    }
    errors.clear();
    setCode('');
    setJoined(result.value);
    await forgetSharing(queryClient);
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby={titleId} aria-busy={busy} noValidate>
      <h2 id={titleId}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.serverAddress} hint={t.serverAddressHint} error={errors.at('serverAddress')}>
        {(props) => <input {...props} value={serverAddress} onChange={(e) => setServerAddress(e.target.value)} autoComplete="url" spellCheck={false} />}
      </Field>
      <KommuneLogin
        serverAddress={serverAddress}
        server={serverTyped(servers, serverAddress)}
        label={signInText.title}
        onSignedIn={(result) => {
          errors.clear();
          setJoined(result);
        }}
        onError={(error) => {
          errors.set(error);
          focusInvalid();
        }}
      />
      <Field label={t.code} hint={t.codeHint} error={errors.at('code')}>
        {(props) => <input {...props} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} className="code-input" />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t.join}
      </button>
      {busy && (
        <p className="muted" role="status">
          {t.joining}
        </p>
      )}
      {joined && <JoinedForums joined={joined} />}
    </form>
  );
}

/** What the code brought: a note that this laptop may share, or the forums, each marked when it has arrived. */
function JoinedForums({ joined }: { joined: JoinResult | SignInResult }) {
  const arrived = new Set((useApiQuery('forums.list', {}).data ?? []).map((forum) => forum.id));
  const navigate = useRoute((s) => s.navigate);
  return (
    <div className="joined" role="status">
      <p className="notice notice-ok">{t.joined(joined.serverUrl)}</p>
      {joined.forums.length === 0 ? (
        <p>{'name' in joined ? signInText.noForums : t.mayShare}</p>
      ) : (
        <>
          <h3>{t.arrivedTitle}</h3>
          <ul className="sharing-list">
            {joined.forums.map((forum) => (
              <li key={forum.forumId}>
                {arrived.has(forum.forumId) ? (
                  <button type="button" className="link" onClick={() => navigate({ section: 'fora', forumId: forum.forumId })}>
                    {t.open(forum.name)}
                  </button>
                ) : (
                  <span>{forum.name}</span>
                )}{' '}
                <span className="muted">
                  ({rightText[forum.right].label.toLowerCase()}, {arrived.has(forum.forumId) ? t.arrived : t.arriving})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
