import { useState, type ChangeEvent } from 'react';
import { call } from '../api/client';
import { fileAsBase64 } from '../api/fileBytes';
import { saveDocument } from '../api/saveDocument';
import { Notice } from '../components/Notice';
import { followUpText as t } from '../text/followup';
import { KeepBothDialog } from './KeepBothDialog';

interface ChosenFile {
  name: string;
  base64: string;
}

/** Moving meetings between the TRIO members' laptops, or handing the archive to a successor. */
export function ExchangePanel() {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [duplicate, setDuplicate] = useState<{ file: ChosenFile; message: string }>();
  /** What the imported meetings still lack before they are held: forvarsel, or consent to a late item. */
  const [unmetNorms, setUnmetNorms] = useState<string[]>([]);

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
    let base64: string;
    try {
      base64 = await fileAsBase64(file);
    } catch {
      return setMessage({ kind: 'error', text: t.notImported(file.name) });
    }
    await runImport({ name: file.name, base64 }, false);
  }

  async function runImport(file: ChosenFile, keepBoth: boolean) {
    setDuplicate(undefined);
    setUnmetNorms([]);
    const result = await call('exchange.import', { base64: file.base64, keepBoth });
    if (!result.ok) {
      // A meeting the archive has under another id: the user decides, nothing is imported meanwhile.
      if (result.error.field === 'keepBoth' && !keepBoth) return setDuplicate({ file, message: result.error.message });
      return setMessage({ kind: 'error', text: result.error.message });
    }
    const { forums, meetings, added, alreadyPresent, merged } = result.value;
    // A shared forum is merged with, not overwritten: the summary says so and what was kept.
    const mergedText = merged.length > 0 ? ` ${merged.join(' ')}` : '';
    setMessage({ kind: 'ok', text: `${t.imported(file.name, forums, meetings, added, alreadyPresent)}${mergedText}` });
    setUnmetNorms(result.value.unmetNorms);
  }

  function declineKeepBoth() {
    if (!duplicate) return;
    setMessage({ kind: 'error', text: t.notImported(duplicate.file.name) });
    setDuplicate(undefined);
  }

  return (
    <section className="panel" aria-labelledby="exchange-title">
      <h2 id="exchange-title">{t.exchangeTitle}</h2>
      <p className="muted">{t.exchangeIntro}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {unmetNorms.length > 0 && (
        <div className="warning" role="status" aria-labelledby="unmet-norms-title">
          <p id="unmet-norms-title">⚠ {t.unmetNormsTitle(unmetNorms.length)}</p>
          <ul>
            {unmetNorms.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="toolbar-buttons">
        <button type="button" onClick={() => void exportArchive()}>
          {t.exportArchive}
        </button>
        <label className="file-button">
          {t.importFile}
          <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {duplicate && (
        <KeepBothDialog
          message={duplicate.message}
          onKeepBoth={() => void runImport(duplicate.file, true)}
          onClose={declineKeepBoth}
        />
      )}
    </section>
  );
}
