import { useState } from 'preact/hooks';
import type { HelpRequestPayload } from '@/utils/endpoints/types';
import { coachMailto, isEmailAddress, questionText } from '@/utils/help-requests/question-text';
import { t } from '@/utils/platform/i18n';

interface Props {
  /** Builds the question as the ping would carry it; null until the teacher has written something. */
  question: (() => HelpRequestPayload) | null;
  coachEmail: string;
}

/**
 * "Copy question" and, when the school has set a coach's address, "E-mail your tech coach"
 * (the teacher's own mail app opens with it; Coachmark sends nothing). Both carry only the
 * teacher's words and the page as the preview would show it.
 */
export function OtherWaysToAsk({ question, coachEmail }: Props) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const hasCoach = isEmailAddress(coachEmail.trim());
  const copy = async () => {
    if (!question) return;
    try {
      await navigator.clipboard.writeText(questionText(question()));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  const email = (event: Event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    // Built on click, so it carries what is in the box now.
    const href = question ? coachMailto(coachEmail, question()) : null;
    if (href) link.href = href;
  };
  return (
    <div class="ping__other" role="group" aria-label={t('pingOtherWays')}>
      <button type="button" class="link-button" disabled={!question} onClick={() => void copy()}>
        {t('pingCopyQuestion')}
      </button>
      {hasCoach && (
        <a class="link-button" href={`mailto:${coachEmail.trim()}`} target="_blank" rel="noopener noreferrer" onClick={email}>
          {t('pingEmailCoach')}
        </a>
      )}
      <span role="status" class="ping__copied">
        {copied === 'copied' ? t('pingCopied') : copied === 'failed' ? t('pingCopyFailed') : ''}
      </span>
    </div>
  );
}
