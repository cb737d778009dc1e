import { useState } from 'react';
import type { Forum } from '../../../shared/api/types';
import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { forumPersonText, rightText, sharingText as t } from '../../text/sync';
import { InviteForm } from './InviteForm';
import { ShareForumForm } from './ShareForumForm';
import '../../styles/sharing.css';

/** The forum's tab «Deling»: what sharing means and the button, or, once shared, its server, state and invitations. */
export function SharingTab({ forum }: { forum: Forum }) {
  const { data: sharing, error } = useApiQuery('sync.forum', { forumId: forum.id });
  const [justShared, setJustShared] = useState<string>();
  if (error) return <Notice kind="error">{error.message}</Notice>;
  if (!sharing) return <p className="muted">{t.loading}</p>;
  if (!sharing.shared) {
    return (
      <div className="two-columns">
        <WhatSharingMeans />
        <ShareForumForm
          forumId={forum.id}
          members={forum.members}
          onShared={(result) => setJustShared(result.onServer ? t.shared(result.serverUrl) : t.sharedInBackground(result.serverUrl))}
        />
      </div>
    );
  }
  return (
    <div className="two-columns">
      <section className="panel" aria-labelledby="sharing-state-title">
        <h2 id="sharing-state-title">{t.sharedTitle}</h2>
        <Notice kind="ok">{justShared}</Notice>
        <dl className="facts sharing-facts">
          <dt>{t.server}</dt>
          <dd>
            <code>{sharing.serverUrl}</code>
          </dd>
          <dt>{t.yourRight}</dt>
          <dd>
            {rightText[sharing.right].label}: {rightText[sharing.right].explain}
          </dd>
          <dt>{forumPersonText.you}</dt>
          <dd>{sharing.me ? (sharing.me.name ?? forumPersonText.youNotArrived) : forumPersonText.youUnknown}</dd>
          <dt>{t.admin}</dt>
          <dd>{sharing.admin ? t.youAreAdmin : t.notAdmin}</dd>
        </dl>
      </section>
      {sharing.admin && <InviteForm forumId={forum.id} serverUrl={sharing.serverUrl} members={forum.members} />}
    </div>
  );
}

function WhatSharingMeans() {
  return (
    <section className="panel" aria-labelledby="sharing-what-title">
      <h2 id="sharing-what-title">{t.whatTitle}</h2>
      {t.what.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
