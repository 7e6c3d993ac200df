import { TOOLS } from '@/utils/tools/catalog';
import type { ToolCategory } from '@/utils/tools/types';
import { t, type MessageKey } from '@/utils/platform/i18n';

const CATEGORIES: Array<[ToolCategory, MessageKey]> = [
  ['lms', 'categoryLms'],
  ['classroom', 'categoryClassroom'],
  ['workspace', 'categoryWorkspace'],
  ['portal', 'categoryPortal'],
];

/** Shown when the tab is not a tool Coachmark knows: what it can help with instead. */
export function UnknownPage() {
  return (
    <section class="unknown" aria-labelledby="unknown-title">
      <h2 id="unknown-title">{t('unknownTitle')}</h2>
      <p>{t('unknownBody')}</p>
      {CATEGORIES.map(([category, key]) => {
        const tools = TOOLS.filter((tool) => tool.category === category);
        if (tools.length === 0) return null;
        return (
          <div key={category} class="unknown__group">
            <h3>{t(key)}</h3>
            <ul class="tool-names">
              {tools.map((tool) => (
                <li key={tool.id}>{tool.name}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
