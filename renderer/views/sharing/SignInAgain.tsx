import { useApiQuery } from '../../api/queries';
import { signInText as t } from '../../text/sync';
import { KommuneLogin } from './KommuneLogin';
import '../../styles/sharing.css';

/**
 * Under a shared forum whose server ended the sign-in (expired, signed out elsewhere, revoked): says so and
 * offers «Log ind igen» right there. Nothing while the sign-in holds, or for a forum shared with the device's key.
 */
export function SignInAgain({ forumId }: { forumId: string }) {
  const sharing = useApiQuery('sync.forum', { forumId }).data;
  const servers = useApiQuery('sync.servers', {}).data;
  const server = sharing?.shared ? servers?.find((known) => known.serverUrl === sharing.serverUrl) : undefined;
  if (!server?.signInEnded) return null;
  return <KommuneLogin serverAddress={server.serverUrl} server={server} label={t.endedShort} brief />;
}
