import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db, type CardRecord, type PackRecord } from '@/utils/platform/db';
import { t } from '@/utils/platform/i18n';
import { toolById } from '@/utils/tools/catalog';
import { draftFromCard, newDraft, type CardDraft } from '@/utils/cards/draft';
import { deleteCard, duplicateCard, restoreDeleted, type DeletedCards } from '@/utils/cards/authoring';
import { CardList } from './CardList';
import { CardEditor } from './CardEditor';
import { UndoOffer } from './UndoNotice';
import { TargetChecker } from './TargetChecker';
import { useUndo } from '../hooks/use-undo';

interface Editing {
  draft: CardDraft;
  key?: string;
  packId?: string;
  /** A new value remounts the editor with fresh state. */
  nonce: number;
}

/** The page a link asked for (`#cards?tool=canvas&context=speedgrader`), if the catalogue knows it. */
export function placeFromParams(params: URLSearchParams): { tool: string; context: string | null } | null {
  const tool = toolById(params.get('tool') ?? '');
  if (!tool) return null;
  const context = params.get('context');
  return { tool: tool.id, context: tool.contexts.some((candidate) => candidate.id === context) ? context : null };
}

/** The stored card with this key, when it is in one of the coach's own packs (the only ones edited here). */
async function localCard(key: string): Promise<CardRecord | undefined> {
  const card = await db.cards.get(key);
  const pack = card && (await db.packs.get(card.pack));
  return pack?.source.kind === 'local' ? card : undefined;
}

let nonces = 0;

/**
 * The coach's cards: list and search, and the editor for a new or existing card. A link opens
 * the editor: `#cards?tool=…&context=…` for a new card there, `#cards?edit=<card key>` for one
 * of the coach's own cards.
 */
export function CardsTab({ params }: { params: URLSearchParams }) {
  const packs = useLiveQuery(() => db.packs.toArray(), []);
  const cards = useLiveQuery(async () => {
    const local = (await db.packs.toArray()).filter((pack) => pack.source.kind === 'local').map((pack) => pack.id);
    return local.length > 0 ? db.cards.where('pack').anyOf(local).toArray() : [];
  }, []);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const deletion = useUndo(async ({ deleted }: { message: string; deleted: DeletedCards }) => (await restoreDeleted(deleted)).ok);

  const focusTitle = useRef(false);
  useEffect(() => {
    if (!focusTitle.current) return;
    const title = document.getElementById('editor-title');
    if (!title) return;
    title.focus();
    focusTitle.current = false;
  });

  const paramsKey = params.toString();
  useEffect(() => {
    const place = placeFromParams(params);
    if (place) setEditing({ draft: newDraft(place), nonce: ++nonces });
    const key = params.get('edit');
    if (!key) return;
    let current = true;
    void localCard(key).then((card) => {
      if (!current || !card) return;
      setSaved(null);
      setEditing({ draft: draftFromCard(card), key: card.key, packId: card.pack, nonce: ++nonces });
      // Opened from a link (the library's "Duplicate to my pack" or "Edit"): start at its title.
      focusTitle.current = true;
    });
    return () => {
      current = false;
    };
  }, [paramsKey]);

  if (!packs || !cards) return <p class="status">{t('loading')}</p>;
  const localPacks = packs.filter((pack) => pack.source.kind === 'local').sort((a, b) => a.name.localeCompare(b.name));

  const edit = (card: CardRecord) => {
    setSaved(null);
    setEditing({ draft: draftFromCard(card), key: card.key, packId: card.pack, nonce: ++nonces });
  };
  const onSaved = (record: CardRecord, pack: PackRecord) => {
    setSaved(t('editorSaved', [record.title, pack.name]));
    setEditing({ draft: draftFromCard(record), key: record.key, packId: pack.id, nonce: ++nonces });
  };
  const onDuplicate = async (card: CardRecord) => {
    const copy = await duplicateCard(card.key, t('cardsCopyTitle', card.title));
    if (copy.ok) edit(copy.value);
  };
  const onDelete = async (card: CardRecord) => {
    const result = await deleteCard(card.key);
    if (!result.ok) return;
    deletion.offer({ message: t('cardsDeleted', card.title), deleted: result.value });
    if (editing?.key === card.key) setEditing(null);
  };

  return (
    <>
      <div class="cards-tab">
        <div class="cards-tab__list">
          <button
            type="button"
            class="primary"
            onClick={() => {
              setSaved(null);
              setEditing({ draft: newDraft(), nonce: ++nonces });
            }}
          >
            {t('cardsNew')}
          </button>
          <UndoOffer undo={deletion} />
          <CardList
            cards={cards}
            packs={packs}
            query={query}
            onQuery={setQuery}
            selectedKey={editing?.key}
            onEdit={edit}
            onDuplicate={(card) => void onDuplicate(card)}
            onDelete={(card) => void onDelete(card)}
          />
        </div>
        <div class="cards-tab__editor">
          {saved && (
            <p class="notice notice--ok" role="status">
              {saved}
            </p>
          )}
          {editing && (
            <CardEditor
              key={editing.nonce}
              initial={editing.draft}
              editingKey={editing.key}
              packId={editing.packId}
              localPacks={localPacks}
              onSaved={onSaved}
              onClose={() => setEditing(null)}
            />
          )}
        </div>
      </div>
      <TargetChecker packs={packs} />
    </>
  );
}
