import { useApiQuery } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { serversText as t } from '../../text/sync';
import { KommuneLogin } from './KommuneLogin';
import '../../styles/sharing.css';

/** Settings: the sharing servers this computer is joined to, whether it may share forums on each, and the kommune's login there. */
export function ServersPanel() {
  const { data: servers, error } = useApiQuery('sync.servers', {});
  return (
    <section className="panel" aria-labelledby="servers-title">
      <h2 id="servers-title">{t.title}</h2>
      <Notice kind="error">{error?.message}</Notice>
      {servers?.length === 0 && <p className="muted">{t.none}</p>}
      {servers && servers.length > 0 && (
        <ul className="sharing-list servers-list">
          {servers.map((server) => (
            <li key={server.serverUrl}>
              <span>
                <code>{server.serverUrl}</code> <span className="muted">({server.canShare ? t.canShare : t.cannotShare})</span>
              </span>
              {server.kommuneLogin && <KommuneLogin serverAddress={server.serverUrl} server={server} label={t.loginFor(server.serverUrl)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
