import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/platform/i18n';
import { toolName as localToolName } from '@/utils/tools/names';
import { MyFlags } from './MyFlags';
import { OutboxList } from './OutboxList';
import { useRequests } from './use-requests';

/**
 * "Your requests": the teacher's pings and flags about the tool they are on, and anything
 * anywhere that needs them (a failed or held request); every tool's on request.
 */
export function RequestsView({ tool, onClose }: { tool: string | null; onClose: () => void }) {
  const [everyTool, setEveryTool] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const filter = everyTool ? null : tool;
  const requests = useRequests(filter);
  const toolName = tool ? localToolName(tool) : null;
  const ready = requests !== undefined;
  // Opened from the help bar: reading starts at the heading.
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);
  if (!requests) return <p class="status">{t('loading')}</p>;
  const empty = requests.pings.length === 0 && requests.flags.length === 0;
  return (
    <div
      class="requests"
      role="region"
      aria-labelledby="requests-title"
      data-testid="requests"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div class="requests__head">
        <h2 id="requests-title" class="sheet__title" tabIndex={-1} ref={heading}>
          {t('requestsButton')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('requestsBack')}
        </button>
      </div>
      {toolName && filter && !empty && <p class="hint">{t('requestsHere', toolName)}</p>}
      {empty && <p class="empty">{filter && toolName ? t('requestsNoneHere', toolName) : t('requestsNone')}</p>}
      <OutboxList items={requests.pings} />
      <MyFlags entries={requests.flags} />
      {toolName && (everyTool || requests.elsewhere > 0) && (
        <button type="button" class="link-button" onClick={() => setEveryTool(!everyTool)}>
          {everyTool ? t('requestsShowHere', toolName) : t('requestsShowAll')}
        </button>
      )}
    </div>
  );
}
