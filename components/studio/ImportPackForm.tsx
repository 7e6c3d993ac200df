import { useRef, useState } from 'preact/hooks';
import { t, tn } from '@/utils/platform/i18n';
import { importPack, type ImportResult } from '@/utils/cards/import';
import { PathMessages } from './PathMessages';

type Outcome = ImportResult | { ok: false; nothing: true } | null;

/** "Import pack": a file or pasted JSON, all or nothing, with every error or the summary. */
export function ImportPackForm() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (event: Event) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file && pasted.trim() === '') {
      setOutcome({ ok: false, nothing: true });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      // A file is checked for size before it is read (see importPack).
      const result = file ? await importPack(file, { kind: 'local', fileName: file.name }) : await importPack(pasted, { kind: 'local' });
      setOutcome(result);
      if (result.ok) {
        setPasted('');
        if (fileInput.current) fileInput.current.value = '';
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="studio-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="hint">{t('importHint')}</p>
      <form onSubmit={run}>
        <div class="field">
          <label for="import-file">{t('importFileLabel')}</label>
          <input id="import-file" type="file" accept=".json,application/json" ref={fileInput} onChange={() => setOutcome(null)} />
        </div>
        <div class="field">
          <label for="import-text">{t('importPasteLabel')}</label>
          <textarea
            id="import-text"
            rows={6}
            spellcheck={false}
            class="code-input"
            value={pasted}
            onInput={(event) => setPasted(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t('importButton')}
        </button>
        {busy && <span class="status">{t('importing')}</span>}
      </form>
      <ImportOutcome outcome={outcome} />
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if ('nothing' in outcome)
    return (
      <p class="notice notice--error" role="alert">
        {t('importNothing')}
      </p>
    );
  if (!outcome.ok) {
    return (
      <div class="notice notice--error import-errors" role="alert">
        <p>{tn('importFailed', outcome.errors.length)}</p>
        <ul>
          <PathMessages messages={outcome.errors} />
        </ul>
      </div>
    );
  }
  return (
    <div class="notice notice--ok" role="status">
      <p>
        {t('importDone', [
          outcome.packName,
          tn('cardsAdded', outcome.added),
          tn('cardsUpdated', outcome.updated),
          tn('cardsSkipped', outcome.skipped),
        ])}
      </p>
      {outcome.warnings.length > 0 && (
        <>
          <p>{t('importWarnings')}</p>
          <ul class="import-warnings">
            <PathMessages messages={outcome.warnings} />
          </ul>
        </>
      )}
    </div>
  );
}
