import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { serversText as t } from '../../text/sync';
import '../../styles/sharing.css';

/** Settings: the sharing servers this computer is joined to, and whether it may share forums on each. */
export function ServersPanel() {
  const { data: servers, error } = useApiQuery('sync.servers', {});
  return (
    <section className="panel" aria-labelledby="servers-title">
      <h2 id="servers-title">{t.title}</h2>
      <Notice kind="error">{error?.message}</Notice>
      {servers?.length === 0 && <p className="muted">{t.none}</p>}
      {servers && servers.length > 0 && (
        <ul className="sharing-list">
          {servers.map((server) => (
            <li key={server.serverUrl}>
              <code>{server.serverUrl}</code> <span className="muted">({server.canShare ? t.canShare : t.cannotShare})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
