import { t, tn } from '@/utils/platform/i18n';
import { useRequests } from './use-requests';

export const REQUESTS_BUTTON_ID = 'requests-button';

interface Props {
  tool: string | null;
  open: boolean;
  onToggle: () => void;
}

/**
 * "Your requests" in the panel's header, once the teacher has sent anything: it opens their
 * pings and flags in place of the cards, and shows how many need them (failed or kept).
 */
export function RequestsButton({ tool, open, onToggle }: Props) {
  const requests = useRequests(tool);
  if (!requests || requests.pings.length + requests.flags.length + requests.elsewhere === 0) return null;
  const attention = requests.attention;
  return (
    <button
      type="button"
      id={REQUESTS_BUTTON_ID}
      class={`requests-button${attention > 0 ? ' requests-button--attention' : ''}`}
      aria-expanded={open}
      aria-controls="panel-main"
      onClick={onToggle}
    >
      {t('requestsButton')}
      {attention > 0 && (
        <>
          <span class="requests-button__count" aria-hidden="true">
            {attention}
          </span>
          <span class="visually-hidden"> {tn('requestsAttention', attention)}</span>
        </>
      )}
    </button>
  );
}
