import { useState, type ChangeEvent } from 'react';
import { call } from '../api/client';
import { saveDocument } from '../api/saveDocument';
import { Notice } from '../components/Notice';
import { useFollowUp } from '../stores/followup';
import { useForums } from '../stores/forums';
import { useMeetings } from '../stores/meetings';
import { followUpText as t } from '../text/followup';

/** Moving meetings between the TRIO members' laptops, or handing the archive to a successor. */
export function ExchangePanel() {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  async function exportArchive() {
    const result = await call('exchange.export', { scope: 'arkiv', id: null });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    saveDocument(result.value);
    setMessage({ kind: 'ok', text: t.exported(result.value.fileName) });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await call('exchange.import', { content: await file.text() });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    const { forums, meetings, added, alreadyPresent } = result.value;
    setMessage({ kind: 'ok', text: t.imported(file.name, forums, meetings, added, alreadyPresent) });
    void useForums.getState().load();
    void useMeetings.getState().load();
    void useFollowUp.getState().load();
  }

  return (
    <section className="panel" aria-labelledby="exchange-title">
      <h2 id="exchange-title">{t.exchangeTitle}</h2>
      <p className="muted">{t.exchangeIntro}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <div className="toolbar-buttons">
        <button type="button" onClick={() => void exportArchive()}>
          {t.exportArchive}
        </button>
        <label className="file-button">
          {t.importFile}
          <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} />
        </label>
      </div>
    </section>
  );
}
