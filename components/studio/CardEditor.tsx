import { useState } from 'preact/hooks';
import { db, type CardRecord, type PackRecord } from '@/utils/platform/db';
import { t, tn, type MessageKey } from '@/utils/platform/i18n';
import { LEVELS, type Level } from '@/utils/cards/schema';
import { issueFor, slugify, uniqueId, validateDraft, type CardDraft, type DraftIssue } from '@/utils/cards/draft';
import { createLocalPack, saveCard } from '@/utils/cards/authoring';
import { ToolPicker } from './ToolPicker';
import { StepsEditor } from './StepsEditor';
import { LinksEditor } from './LinksEditor';
import { CardPreview } from './CardPreview';
import { Field } from '../shared/Field';
import { fieldErrorText } from './field-error';
import { useLiveQuery } from '../hooks/use-live-query';
import { storageFailureText } from '@/utils/platform/storage-errors';

/** The languages the built-in cards come in, and the card's own tag when it is another one. */
const LANGUAGE_KEYS: Record<string, MessageKey> = { en: 'languageEnglish', es: 'languageSpanish' };

function languageChoices(current: string): { tag: string; label: string }[] {
  const choices = Object.entries(LANGUAGE_KEYS).map(([tag, key]) => ({ tag, label: `${t(key)} (${tag})` }));
  if (current && !(current in LANGUAGE_KEYS)) choices.push({ tag: current, label: current });
  return choices;
}

const LEVEL_KEYS: Record<Level, MessageKey> = { beginner: 'levelBeginner', intermediate: 'levelIntermediate', advanced: 'levelAdvanced' };
/** The pack select's value for "create my school's pack on save". */
const NEW_PACK = '';

interface Props {
  initial: CardDraft;
  /** The stored card's key when editing; absent for a new card. */
  editingKey?: string;
  /** The coach's local packs, to save into. */
  localPacks: PackRecord[];
  /** The pack chosen at first (the edited card's, or the coach's first pack). */
  packId?: string;
  onSaved: (record: CardRecord, pack: PackRecord) => void;
  onClose: () => void;
}

/**
 * Writes or edits one card, with the pack format's own validation next to each field and a
 * live preview. A new card's id follows its title until the coach edits the id.
 */
export function CardEditor({ initial, editingKey, localPacks, packId: initialPack, onSaved, onClose }: Props) {
  const [draft, setDraft] = useState<CardDraft>(initial);
  const [packId, setPackId] = useState(initialPack ?? localPacks[0]?.id ?? NEW_PACK);
  const [idEdited, setIdEdited] = useState(Boolean(editingKey));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [idTaken, setIdTaken] = useState(false);
  /** Whether the last save failed, with what was thrown when it threw (a full disk gets its own words). */
  const [failed, setFailed] = useState<boolean | { cause: unknown }>(false);

  const shownId = idEdited ? draft.id : slugify(draft.title);
  const check = validateDraft({ ...draft, id: shownId });
  const issues: DraftIssue[] = check.ok ? [] : check.issues;
  const visible = (field: string) => submitted || touched.has(field);
  const errorOf = (field: string): string | undefined => {
    if (field === 'id' && idTaken) return t('fieldIdTaken');
    const issue = issueFor(issues, field);
    // The id is derived from the title until edited: its problems are the title's to show.
    if (!issue || !visible(field === 'id' && !idEdited ? 'title' : field)) return undefined;
    return fieldErrorText(issue);
  };
  const touch = (field: string) => {
    if (!touched.has(field)) setTouched(new Set([...touched, field]));
  };
  const change = (field: string, next: CardDraft) => {
    touch(field);
    setDraft(next);
    setFailed(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    setIdTaken(false);
    setFailed(false);
    let id = shownId;
    if (!idEdited && !editingKey && packId !== NEW_PACK) {
      // A title like another card's gets the next free id, not an error the coach did not cause.
      const taken = new Set((await db.cards.where('pack').equals(packId).toArray()).map((card) => card.id));
      id = uniqueId(shownId, taken);
    }
    const final = validateDraft({ ...draft, id });
    if (!final.ok) {
      setTimeout(() => document.querySelector<HTMLElement>('.card-editor [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setSaving(true);
    try {
      const pack =
        packId === NEW_PACK ? await createLocalPack(t('defaultPackName')) : localPacks.find((candidate) => candidate.id === packId);
      if (!pack) return setFailed(true);
      const result = await saveCard(pack.id, final.card, { previousKey: editingKey });
      if (!result.ok) {
        if (result.error === 'id-taken') {
          setIdEdited(true);
          setDraft({ ...draft, id });
          setIdTaken(true);
        } else setFailed(true);
        return;
      }
      onSaved(result.value, pack);
    } catch (error) {
      setFailed({ cause: error });
    } finally {
      setSaving(false);
    }
  };

  // The derived id mirrors the title's problems: count them once.
  const errorCount = issues.filter((issue) => idEdited || issue.field !== 'id').length + (idTaken ? 1 : 0);
  return (
    <div class="card-editor-layout">
      <form class="card-editor" onSubmit={save} noValidate aria-labelledby="editor-heading">
        <h2 id="editor-heading">{editingKey ? t('editorEditHeading') : t('editorNewHeading')}</h2>
        {draft.replaces && <ReplacesNote reference={draft.replaces} />}
        <Field id="editor-pack" label={t('editorPack')} textTag="p">
          {(control) => (
            <select {...control} value={packId} onChange={(event) => setPackId(event.currentTarget.value)}>
              {localPacks.map((pack) => (
                <option key={pack.id} value={pack.id}>
                  {pack.name}
                </option>
              ))}
              {localPacks.length === 0 && <option value={NEW_PACK}>{t('editorNewPackOption')}</option>}
            </select>
          )}
        </Field>
        <Field id="editor-title" label={t('editorTitle')} hint={t('editorTitleHint')} error={errorOf('title') ?? null} textTag="p">
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.title}
              onInput={(event) => change('title', { ...draft, title: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="editor-id" label={t('editorId')} hint={t('editorIdHint')} error={errorOf('id') ?? null} textTag="p">
          {(control) => (
            <input
              {...control}
              type="text"
              spellcheck={false}
              value={shownId}
              onInput={(event) => {
                setIdEdited(true);
                setIdTaken(false);
                change('id', { ...draft, id: event.currentTarget.value });
              }}
            />
          )}
        </Field>
        <Field id="editor-summary" label={t('editorSummary')} error={errorOf('summary') ?? null} textTag="p">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={draft.summary}
              onInput={(event) => change('summary', { ...draft, summary: event.currentTarget.value })}
            />
          )}
        </Field>
        <StepsEditor
          draft={draft}
          onDraft={(next) => {
            next.steps.forEach((step, index) => step !== draft.steps[index] && touch(`steps.${index}`));
            change('steps', next);
          }}
          errorFor={(index) => (index === -1 ? errorOf('steps') : errorOf(`steps.${index}`))}
        />
        <ToolPicker
          tools={draft.tools}
          contexts={draft.contexts}
          onChange={({ tools, contexts }) => change('tools', { ...draft, tools, contexts })}
          toolsError={errorOf('tools')}
          contextsError={errorOf('contexts')}
        />
        <Field id="editor-tags" label={t('editorTags')} hint={t('editorTagsHint')} error={errorOf('tags') ?? null} textTag="p">
          {(control) => (
            <input
              {...control}
              type="text"
              value={draft.tags}
              onInput={(event) => change('tags', { ...draft, tags: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="editor-level" label={t('editorLevel')} textTag="p">
          {(control) => (
            <select
              {...control}
              value={draft.level}
              onChange={(event) => change('level', { ...draft, level: event.currentTarget.value as Level })}
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(LEVEL_KEYS[level])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="editor-language" label={t('editorLanguage')} hint={t('editorLanguageHint')} error={errorOf('lang') ?? null} textTag="p">
          {(control) => (
            <select {...control} value={draft.lang} onChange={(event) => change('lang', { ...draft, lang: event.currentTarget.value })}>
              <option value="">{t('editorLanguagePack')}</option>
              {languageChoices(draft.lang).map(({ tag, label }) => (
                <option key={tag} value={tag}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LinksEditor
          links={draft.links}
          onChange={(links) => {
            links.forEach((link, index) => {
              const before = draft.links[index];
              if (!before || before.title !== link.title) touch(`links.${index}.title`);
              if (!before || before.url !== link.url) touch(`links.${index}.url`);
            });
            change('links', { ...draft, links });
          }}
          errorFor={(index, field) => (index === -1 ? errorOf('links') : errorOf(`links.${index}.${field}`))}
        />
        <Field
          id="editor-review-by"
          label={t('editorReviewBy')}
          hint={t('editorReviewByHint')}
          error={errorOf('reviewBy') ?? null}
          textTag="p"
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.reviewBy}
              onInput={(event) => change('reviewBy', { ...draft, reviewBy: event.currentTarget.value })}
            />
          )}
        </Field>
        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            {t('editorSave')}
          </button>
          <button type="button" onClick={onClose}>
            {t('editorCancel')}
          </button>
        </div>
        <div role="status" class="editor-status">
          {submitted && errorCount > 0 && <p class="error">{tn('editorFixErrors', errorCount)}</p>}
          {failed && (
            <p class="error">{storageFailureText(typeof failed === 'object' ? failed.cause : null, () => t('editorSaveFailed'))}</p>
          )}
        </div>
      </form>
      <CardPreview draft={draft} />
    </div>
  );
}

/** Which card this one stands in for, named as teachers know it. */
function ReplacesNote({ reference }: { reference: string }) {
  const found = useLiveQuery(async () => {
    const card = await db.cards.get(reference);
    return card ? { title: card.title, pack: (await db.packs.get(card.pack))?.name ?? card.pack } : null;
  }, [reference]);
  if (!found) return null;
  return <p class="hint editor-replaces">{t('editorReplaces', [found.title, found.pack])}</p>;
}
