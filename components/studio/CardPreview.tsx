import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '@/utils/cards/markdown';
import { linkSchema, type Level } from '@/utils/cards/schema';
import { splitTags, type CardDraft } from '@/utils/cards/draft';
import { t, type MessageKey } from '@/utils/platform/i18n';

const LEVEL_KEYS: Record<Level, MessageKey> = { beginner: 'levelBeginner', intermediate: 'levelIntermediate', advanced: 'levelAdvanced' };
const KIND_KEYS: Record<string, MessageKey> = { video: 'linkKindVideo', article: 'linkKindArticle', help: 'linkKindHelp' };

/** The card as teachers will see it in the panel, updated as the coach types. */
export function CardPreview({ draft }: { draft: CardDraft }) {
  // Card text becomes HTML only through renderMarkdown, which sanitises it.
  const steps = useMemo(() => draft.steps.filter((step) => step.trim()).map((step) => renderMarkdown(step)), [draft.steps]);
  // Only links the pack format accepts: the preview must not offer a javascript: link to click.
  const links = draft.links.filter((link) => linkSchema.safeParse(link).success);
  const tags = splitTags(draft.tags);
  return (
    <section class="card-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{t('editorPreview')}</h3>
      <p class="hint">{t('editorPreviewHint')}</p>
      <article class="card card--open">
        <h4 class="card__title">
          <span>{draft.title}</span> <span class={`level level--${draft.level}`}>{t(LEVEL_KEYS[draft.level])}</span>
        </h4>
        <p class="card__summary">{draft.summary}</p>
        <ol class="card__steps">
          {steps.map((html, index) => (
            <li key={index} dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </ol>
        {links.length > 0 && (
          <>
            <h5 class="card__links-heading">{t('linksHeading')}</h5>
            <ul class="card__links">
              {links.map((link, index) => (
                <li key={index}>
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    <span class={`link-kind link-kind--${link.kind}`}>{t(KIND_KEYS[link.kind]!)}</span>
                    <span class="link-title">{link.title}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {tags.length > 0 && (
          <ul class="tool-chips card-preview__tags">
            {tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}
