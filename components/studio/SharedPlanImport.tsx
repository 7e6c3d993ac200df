import { useRef, useState } from 'preact/hooks';
import { t, tn } from '@/utils/platform/i18n';
import { importSharedPlans, parseSharedPlans, type SharedPlanError, type SharedPlanPlace } from '@/utils/plan/shared';
import { errorMessage, storageFailureText } from '@/utils/platform/storage-errors';
import { PathMessages } from './PathMessages';

/** A plans file bigger than this is not an endpoint's log of plans (a plan is at most 64 KB). */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ERRORS_SHOWN = 50;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; added: number; known: number; skipped: number; errors: SharedPlanError[] }
  | { kind: 'failed'; message: string };

/**
 * "Import shared plans": a file of plans teachers shared. The good entries are stored and the
 * bad ones listed by line with the fields to blame; nothing already stored is touched.
 */
export function SharedPlanImport() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const run = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ kind: 'failed', message: t('plansImportTooLarge', `${(file.size / (1024 * 1024)).toFixed(1)} MB`) });
      return;
    }
    setState({ kind: 'busy' });
    try {
      const parsed = parseSharedPlans(await file.text());
      const { added, known } = await importSharedPlans(parsed.plans);
      setState({ kind: 'done', added, known: known + parsed.duplicates, skipped: parsed.skipped, errors: parsed.errors });
    } catch (error) {
      setState({ kind: 'failed', message: storageFailureText(error, (cause) => t('plansImportReadFailed', errorMessage(cause))) });
    } finally {
      // The same file can be chosen again (after fixing it, say).
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div class="plans__import">
      <div class="field">
        <label for="plans-import-file">{t('plansImportLabel')}</label>
        <input
          id="plans-import-file"
          ref={input}
          type="file"
          accept=".json,.jsonl,.ndjson,.txt,application/json,text/plain"
          aria-describedby="plans-import-hint"
          disabled={state.kind === 'busy'}
          onChange={(event) => void run((event.target as HTMLInputElement).files?.[0])}
        />
        <span id="plans-import-hint" class="hint">
          {t('plansImportHint')}
        </span>
      </div>
      <div role="status" aria-live="polite" data-testid="plans-import-result">
        {state.kind === 'busy' && <p class="status">{t('plansImportBusy')}</p>}
        {state.kind === 'failed' && <p class="notice notice--error">{state.message}</p>}
        {state.kind === 'done' && <ImportOutcome {...state} />}
      </div>
    </div>
  );
}

function ImportOutcome({ added, known, skipped, errors }: { added: number; known: number; skipped: number; errors: SharedPlanError[] }) {
  const summary = [tn('plansImportAdded', added)];
  if (known > 0) summary.push(tn('plansImportKnown', known));
  if (skipped > 0) summary.push(tn('plansImportSkipped', skipped));
  return (
    <div class={`notice ${errors.length > 0 ? 'notice--error' : 'notice--ok'} import-errors`}>
      <p>{summary.join(' ')}</p>
      {errors.length > 0 && (
        <>
          <p>{tn('plansImportErrors', errors.length)}</p>
          <ul class="plans__errors">
            {errors.slice(0, ERRORS_SHOWN).map((error, index) => (
              <li key={index}>
                <span class="plans__error-place">{placeName(error.place)}</span>
                <ul>
                  <PathMessages messages={error.errors} />
                </ul>
              </li>
            ))}
          </ul>
          {errors.length > ERRORS_SHOWN && <p>{t('plansImportMore', String(errors.length - ERRORS_SHOWN))}</p>}
        </>
      )}
    </div>
  );
}

function placeName(place: SharedPlanPlace): string {
  if (place.kind === 'line') return t('plansImportAtLine', String(place.line));
  if (place.kind === 'entry') return t('plansImportAtEntry', [String(place.index + 1), String(place.line)]);
  return t('plansImportAtFile');
}
