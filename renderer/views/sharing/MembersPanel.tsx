import { format, parseISO } from 'date-fns';
import { da } from 'date-fns/locale';
import { useState } from 'react';
import type { ForumMember } from '../../../shared/api/methods/sync';
import { useApiQuery } from '../../api/queries';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { membersText as t, rightText } from '../../text/sync';
import { MemberAdmin } from './MemberAdmin';
import '../../styles/sharing.css';

const fetchedTime = (iso: string) => format(parseISO(iso), "d. MMMM 'kl.' HH.mm", { locale: da });

/**
 * The members of a shared forum as the server lists them, with their right, who is an administrator and who is
 * online now (text and icon). A forum admin changes a right, removes a member and revokes a computer here.
 * Offline, the list last fetched stands, and says when it was fetched.
 */
export function MembersPanel({ forumId, admin }: { forumId: string; admin: boolean }) {
  const { data, error } = useApiQuery('sync.members', { forumId });
  const online = new Set(useApiQuery('sync.presence', { forumId }).data?.online ?? []);
  const [done, setDone] = useState<string>();
  return (
    <section className="panel members-panel" aria-labelledby="members-title">
      <h2 id="members-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <Notice kind="ok">{done}</Notice>
      {error && <Notice kind="error">{error.message}</Notice>}
      {!data && !error && <p className="muted">{t.loading}</p>}
      {data && (
        <>
          <p className={data.fresh ? 'muted' : 'stale-note'} role={data.fresh ? undefined : 'status'}>
            {data.fresh ? t.fetchedAt(fetchedTime(data.fetchedAt)) : t.stale(fetchedTime(data.fetchedAt))}
          </p>
          <ul className="member-list" aria-label={t.title}>
            {data.members.map((member) => (
              <li key={member.personId} className="member-row">
                <MemberLine member={member} online={online.has(member.personId)} />
                {admin && data.fresh && <MemberAdmin forumId={forumId} member={member} onDone={setDone} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MemberLine({ member, online }: { member: ForumMember; online: boolean }) {
  return (
    <p className="member-line">
      <strong>{member.name}</strong>
      {member.you && <span className="muted"> {t.you}</span>}
      <span className="member-badge">{rightText[member.right].label}</span>
      {member.admin && <span className="member-badge">{t.admin}</span>}
      {online ? (
        <span className="presence presence-online">
          <Icon name="online" /> {t.online}
        </span>
      ) : (
        <span className="presence muted">{t.offline}</span>
      )}
    </p>
  );
}
