import { useEffect, useRef, useState } from 'react';
import type { ForumRight, InvitationResult } from '../../../shared/api/methods/sync';
import { clockTime, longDate } from '../../format';
import { Notice } from '../../components/Notice';
import { rightText, sharingText as t } from '../../text/sync';

/** A code made here, with whom and which right it was made for. */
export interface Invitation extends InvitationResult {
  name: string;
  right: ForumRight;
}

/** The one-time code to hand over, large and selectable, with its expiry, the server and a copy button. */
export function InvitationCode({ invitation, serverUrl }: { invitation: Invitation; serverUrl: string }) {
  const [copied, setCopied] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The form that asked for the code is gone: focus goes to the code's heading, which is read out first.
  useEffect(() => titleRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(invitation.code);
      setCopied({ kind: 'ok', text: t.copied });
    } catch {
      setCopied({ kind: 'error', text: t.copyFailed });
    }
  }

  return (
    <div className="invitation" role="group" aria-labelledby="invitation-title">
      <h3 id="invitation-title" tabIndex={-1} ref={titleRef}>
        {t.codeTitle(invitation.name)} ({rightText[invitation.right].label.toLowerCase()})
      </h3>
      <p className="invitation-code">
        <span className="visually-hidden">{t.codeFor}: </span>
        <code>{invitation.code}</code>
      </p>
      <p>{t.codeExpires(`${longDate(invitation.expiresAt)} ${clockTime(invitation.expiresAt)}`)}</p>
      <p className="muted">{t.codeServer(serverUrl)}</p>
      <button type="button" onClick={() => void copy()}>
        {t.copy}
      </button>
      {copied && <Notice kind={copied.kind}>{copied.text}</Notice>}
    </div>
  );
}
