import { useState } from 'react';
import type { ForumMember, MemberDevice } from '../../../shared/api/methods/sync';
import { call } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { membersText as t } from '../../text/sync';
import { ConfirmServerChange } from './ConfirmServerChange';
import { forgetSharing } from './sharingQueries';

interface MemberAdminProps {
  forumId: string;
  member: ForumMember;
  onDone(message: string): void;
}

/** What a forum admin can do with one member: the right, admin or not, removal, and the member's computers. */
export function MemberAdmin({ forumId, member, onDone }: MemberAdminProps) {
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ kind: 'fjern' } | { kind: 'spaer'; device: MemberDevice } | null>(null);

  async function change(right: ForumMember['right'], admin: boolean) {
    setBusy(true);
    const result = await call('sync.changeMember', { forumId, personId: member.personId, right, admin });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    setRefusal(undefined);
    onDone(t.changed(member.name));
    await forgetSharing(queryClient);
  }

  const activeDevices = (member.devices ?? []).filter((device) => device.revokedAt === null);
  return (
    <div className="member-actions">
      <Notice kind="error">{refusal}</Notice>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void change(member.right === 'medlem' ? 'læser' : 'medlem', member.admin)}>
          {member.right === 'medlem' ? t.makeReader(member.name) : t.makeMember(member.name)}
        </button>
        {member.right === 'medlem' && (
          <button type="button" disabled={busy} onClick={() => void change(member.right, !member.admin)}>
            {member.admin ? t.unmakeAdmin(member.name) : t.makeAdmin(member.name)}
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={() => setAsking({ kind: 'fjern' })}>
          {t.remove(member.name)}
        </button>
      </div>
      {member.devices && member.devices.length > 0 && (
        <DeviceList name={member.name} devices={member.devices} onRevoke={(device) => setAsking({ kind: 'spaer', device })} />
      )}
      {asking?.kind === 'fjern' && (
        <ConfirmServerChange
          title={t.removeTitle(member.name)}
          text={t.removeText}
          confirm={t.confirmRemove}
          run={() => call('sync.removeMember', { forumId, personId: member.personId })}
          onDone={() => onDone(t.removed(member.name))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'spaer' && activeDevices.includes(asking.device) && (
        <ConfirmServerChange
          title={t.revokeTitle(asking.device.name)}
          text={t.revokeText}
          confirm={t.confirmRevoke}
          run={() => call('sync.revokeDevice', { forumId, deviceId: asking.device.deviceId })}
          onDone={() => onDone(t.revoked(asking.device.name))}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}

function DeviceList({ name, devices, onRevoke }: { name: string; devices: MemberDevice[]; onRevoke(device: MemberDevice): void }) {
  return (
    <>
      <p className="device-heading">{t.devicesOf(name)}</p>
      <ul className="device-list" aria-label={t.devicesOf(name)}>
        {devices.map((device) => (
          <li key={device.deviceId}>
            <span>{device.name}</span>{' '}
            <span className="muted">{device.revokedAt ? t.deviceRevoked(shortDate(device.revokedAt)) : t.deviceAdded(shortDate(device.createdAt))}</span>
            {device.revokedAt === null && (
              <button type="button" className="danger" onClick={() => onRevoke(device)}>
                {t.revoke(device.name)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
