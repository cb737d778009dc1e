import { useApiQuery } from '../api/queries';
import { Notice } from '../components/Notice';
import { followUpText as t } from '../text/followup';
import { BackupPanel } from './BackupPanel';
import { ExchangePanel } from './ExchangePanel';
import { JoinForumForm } from './sharing/JoinForumForm';
import { ServersPanel } from './sharing/ServersPanel';

export function Settings() {
  const { data: info, error } = useApiQuery('app.info', {});
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.settingsTitle}</h1>
        <Notice kind="error">{error?.message}</Notice>
        {info && (
          <dl className="facts">
            <dt>{t.version}</dt>
            <dd>{info.version}</dd>
            <dt>{t.archivePath}</dt>
            <dd>
              <code>{info.archivePath}</code>
            </dd>
            <dt>{t.schemaVersion}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        )}
      </header>
      <div className="side-column">
        <ExchangePanel />
        <BackupPanel />
        <ServersPanel />
        <JoinForumForm />
      </div>
    </div>
  );
}
