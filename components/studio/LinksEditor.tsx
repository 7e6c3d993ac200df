import { t, type MessageKey } from '@/utils/platform/i18n';
import { LINK_KINDS, type CardLink, type LinkKind } from '@/utils/cards/schema';
import { Field } from '../shared/Field';

const KIND_KEYS: Record<LinkKind, MessageKey> = { video: 'linkKindVideo', article: 'linkKindArticle', help: 'linkKindHelp' };

interface Props {
  links: CardLink[];
  onChange: (links: CardLink[]) => void;
  /** The error for a link field ("title", "url", "kind"), or for the list (index -1). */
  errorFor: (index: number, field?: keyof CardLink) => string | undefined;
}

/** Tutorials and help pages: title, https URL and kind, each row removable. */
export function LinksEditor({ links, onChange, errorFor }: Props) {
  const update = (index: number, change: Partial<CardLink>) =>
    onChange(links.map((link, i) => (i === index ? { ...link, ...change } : link)));
  const listError = errorFor(-1);
  return (
    <fieldset class="field links-editor">
      <legend>{t('editorLinks')}</legend>
      {links.map((link, index) => {
        const number = String(index + 1);
        const input = (field: 'title' | 'url', label: MessageKey) => {
          return (
            <Field id={`editor-link-${index}-${field}`} label={t(label, number)} error={errorFor(index, field) ?? null} textTag="p">
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode={field === 'url' ? 'url' : 'text'}
                  spellcheck={field === 'title'}
                  value={link[field]}
                  onInput={(event) => update(index, { [field]: event.currentTarget.value })}
                />
              )}
            </Field>
          );
        };
        return (
          <div key={index} class="links-editor__row">
            {input('title', 'editorLinkTitle')}
            {input('url', 'editorLinkUrl')}
            <Field id={`editor-link-${index}-kind`} label={t('editorLinkKind', number)}>
              {(control) => (
                <select {...control} value={link.kind} onChange={(event) => update(index, { kind: event.currentTarget.value as LinkKind })}>
                  {LINK_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(KIND_KEYS[kind])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" aria-label={t('editorRemoveLink', number)} onClick={() => onChange(links.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        );
      })}
      {listError && <p class="error">{listError}</p>}
      <button type="button" onClick={() => onChange([...links, { title: '', url: 'https://', kind: 'help' }])}>
        {t('editorAddLink')}
      </button>
    </fieldset>
  );
}
