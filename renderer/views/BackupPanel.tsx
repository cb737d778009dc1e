import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../shared/api/methods/backup';
import { call, onAppEvent } from '../api/client';
import { Notice } from '../components/Notice';
import { backupText as t } from '../text/backup';
import { useArchiveNotices } from './ArchiveNotices';
import { takenAt } from './backupTime';

/** The archive's backups: take one now, or put one back in the archive's place after a confirmation. */
export function BackupPanel() {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const openedFrom = useRef<HTMLButtonElement | null>(null);
  // The backup the full check offers, when it found the archive damaged.
  const offer = useArchiveNotices().find((notice) => notice.offer)?.offer ?? null;

  // Bumped to read the list again: after a backup here, or a write anywhere (an import adds one).
  const [listVersion, setListVersion] = useState(0);
  const reload = useCallback(() => setListVersion((v) => v + 1), []);

  useEffect(() => onAppEvent(reload), [reload]);

  useEffect(() => {
    let current = true;
    void call('backup.list', {}).then((result) => {
      if (!current) return;
      if (result.ok) setBackups(result.value);
      else setMessage({ kind: 'error', text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [listVersion]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function takeNow() {
    setBusy(true);
    const result = await call('backup.create', {});
    setBusy(false);
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    setMessage({ kind: 'ok', text: t.taken(takenAt(result.value)) });
    reload();
  }

  function askToRestore(backup: BackupInfo, button: HTMLButtonElement) {
    openedFrom.current = button;
    setMessage(undefined);
    setConfirming(backup);
  }

  function cancel() {
    setConfirming(null);
    // Back to the button that opened the question.
    openedFrom.current?.focus();
  }

  async function restore(backup: BackupInfo) {
    setBusy(true);
    const result = await call('backup.restore', { fileName: backup.fileName });
    setBusy(false);
    setConfirming(null);
    titleRef.current?.focus();
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    setMessage({ kind: 'ok', text: t.restored(takenAt(backup), result.value.keptAs) });
    reload();
  }

  return (
    <section className="panel" aria-labelledby="backup-title">
      <h2 id="backup-title" ref={titleRef} tabIndex={-1}>
        {t.title}
      </h2>
      <p className="muted">{t.intro}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {offer && backups?.some((b) => b.fileName === offer.fileName) && (
        <p>
          {/* The same question as from the list, under the offered backup's row. */}
          <button type="button" className="danger" onClick={(event) => askToRestore(offer, event.currentTarget)} disabled={busy}>
            {t.restoreOffered(takenAt(offer))}
          </button>
        </p>
      )}
      <p>
        <button type="button" onClick={() => void takeNow()} disabled={busy}>
          {busy && !confirming ? t.taking : t.takeNow}
        </button>
      </p>
      {backups === null ? (
        <p className="muted">{t.loading}</p>
      ) : backups.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t.listCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnWhen}</th>
              <th scope="col">{t.columnReason}</th>
              <th scope="col">{t.columnSize}</th>
              <th scope="col">
                <span className="visually-hidden">{t.columnAction}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <Fragment key={backup.fileName}>
                <tr>
                  <td>{takenAt(backup)}</td>
                  <td>{t.reason[backup.reason]}</td>
                  <td>{t.size(backup.sizeBytes)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t.restoreLabel(takenAt(backup))}
                      onClick={(event) => askToRestore(backup, event.currentTarget)}
                      disabled={busy}
                    >
                      {t.restore}
                    </button>
                  </td>
                </tr>
                {confirming?.fileName === backup.fileName && (
                  // The question appears right under the backup it is about.
                  <tr>
                    <td colSpan={4}>
                      <div role="group" aria-labelledby="backup-confirm-title">
                        <h3 id="backup-confirm-title" ref={confirmRef} tabIndex={-1}>
                          {t.confirmTitle(takenAt(backup))}
                        </h3>
                        <p>{t.confirmText}</p>
                        <div className="button-row">
                          <button type="button" className="danger" onClick={() => void restore(backup)} disabled={busy}>
                            {busy ? t.restoring : t.confirm}
                          </button>
                          <button type="button" onClick={cancel} disabled={busy}>
                            {t.keep}
                          </button>
                        </div>
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
