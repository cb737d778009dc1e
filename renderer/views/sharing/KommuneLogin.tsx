import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/envelope';
import type { SignInResult, SyncServer } from '../../../shared/api/methods/sync';
import { call } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { signInText as t } from '../../text/sync';
import { forgetSharing } from './sharingQueries';

interface KommuneLoginProps {
  /** The server as typed («Tilslut et delt forum») or as stored (Indstillinger). */
  serverAddress: string;
  /** What the laptop knows of that server's sign-in; undefined for a server it has not met. */
  server: SyncServer | undefined;
  /** Names the group for assistive technology. */
  label: string;
  /** Without the paragraph on what the login is for: under a forum, where only «Log ind igen» is asked for. */
  brief?: boolean;
  onSignedIn?(result: SignInResult): void;
  /** Where an error goes when the surrounding form shows it at its field; otherwise it is shown here. */
  onError?(error: ApiError): void;
}

/**
 * Sign-in with the kommune's login for one server: the button; while the browser is open «Fortsæt i
 * browseren …» with «Annullér»; then «Logget ind som …» with «Log ud»; and a sign-in the server ended, with
 * «Log ind igen». Each state says itself in words, and focus follows the button that replaced the one pressed.
 */
export function KommuneLogin({ serverAddress, server, label, brief = false, onSignedIn, onError }: KommuneLoginProps) {
  const [waiting, setWaiting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const cancelled = useRef(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const stateRef = useRef<HTMLParagraphElement>(null);
  const descriptionId = useId();
  const signedInAs = server?.signedInAs ?? null;

  useEffect(() => {
    if (waiting) cancelRef.current?.focus();
  }, [waiting]);

  function failed(apiError: ApiError) {
    if (onError) onError(apiError);
    else setError(apiError.message);
  }

  async function signIn() {
    cancelled.current = false;
    setError(undefined);
    setNote(undefined);
    setWaiting(true);
    const result = await call('sync.signIn', { serverAddress });
    // Who is signed in is read again first, so the button does not flash back meanwhile.
    await forgetSharing(queryClient);
    setWaiting(false);
    if (result.ok) {
      onSignedIn?.(result.value);
      stateRef.current?.focus();
    } else if (cancelled.current) {
      setNote(t.cancelled);
    } else {
      failed(result.error);
    }
  }

  async function cancel() {
    cancelled.current = true;
    await call('sync.cancelSignIn', { serverAddress });
  }

  async function signOut() {
    setBusy(true);
    setError(undefined);
    const result = await call('sync.signOut', { serverAddress });
    setBusy(false);
    await forgetSharing(queryClient);
    if (result.ok) setNote(t.signedOut);
    else failed(result.error);
  }

  return (
    <div className="kommune-login" role="group" aria-label={label} aria-describedby={brief ? undefined : descriptionId}>
      {!brief && (
        <p id={descriptionId} className="muted">
          {t.intro}
        </p>
      )}
      <Notice kind="error">{error}</Notice>
      {waiting ? (
        <>
          <p role="status">{t.continueInBrowser}</p>
          <button ref={cancelRef} type="button" onClick={cancel}>
            {t.cancel}
          </button>
        </>
      ) : signedInAs !== null ? (
        <>
          <p ref={stateRef} tabIndex={-1} role="status" className="signed-in">
            <svg className="sync-mark" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
              <path d="M2 6.5l2.5 2.5L10 3" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            {t.signedInAs(signedInAs)}
          </p>
          <button type="button" onClick={signOut} disabled={busy}>
            {t.signOut}
          </button>
        </>
      ) : (
        <>
          {server?.signInEnded && <p className="notice notice-error">{t.ended}</p>}
          <Notice kind="ok">{note}</Notice>
          <button type="button" className={server?.signInEnded ? 'primary' : undefined} onClick={signIn}>
            {server?.signInEnded ? t.signInAgain : t.signIn}
          </button>
        </>
      )}
    </div>
  );
}

/** The server the laptop knows under the address as typed (deling.kommune.dk, https://deling.kommune.dk/). */
export function serverTyped(servers: readonly SyncServer[] | undefined, typed: string): SyncServer | undefined {
  const trimmed = typed.trim().replace(/\/+$/, '');
  if (trimmed === '') return undefined;
  const url = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return servers?.find((server) => server.serverUrl.toLowerCase() === url.toLowerCase());
}
