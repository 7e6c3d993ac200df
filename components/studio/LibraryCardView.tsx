import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardRecord, PackRecord } from '@/utils/platform/db';
import { t, tn } from '@/utils/platform/i18n';
import { formatDay } from '@/utils/platform/format';
import { draftFromCard } from '@/utils/cards/draft';
import { adaptCard, createLocalPack } from '@/utils/cards/authoring';
import type { ReviewLookup } from '@/utils/cards/review';
import { CardPreview } from './CardPreview';
import { ReviewBadges } from './LibraryBadges';
import { cardLanguage, languageName, placeLabel } from './LibraryFilters';

/** What a card's `replaces` names: the card when it is stored, the reference alone when not. */
export interface ReplacedCard {
  reference: string;
  card?: CardRecord;
}

interface Props {
  card: CardRecord;
  packs: ReadonlyMap<string, PackRecord>;
  review: ReviewLookup;
  /** Stored cards shown instead of this one. */
  replacedBy: readonly CardRecord[];
  /** The card this one is shown instead of, if any. */
  replaces: ReplacedCard | null;
  onClose: () => void;
}

/** Opens a local card in the Cards tab's editor. */
export function openInEditor(key: string): void {
  location.hash = `cards?${new URLSearchParams({ edit: key }).toString()}`;
}

const isLocal = (pack: PackRecord | undefined) => pack?.source.kind === 'local';

/**
 * One card, read only: its text as teachers see it, where it comes from and how current it
 * is, what it replaces or is replaced by, and the way to adapt it: "Duplicate to my pack" for
 * another pack's card, "Edit" for the coach's own.
 */
export function LibraryCardView({ card, packs, review, replacedBy, replaces, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [card.key]);
  const pack = packs.get(card.pack);
  const packName = (id: string) => packs.get(id)?.name ?? id;
  const states = review.statesOf(card);
  const flags = review.outdatedFlags(card);
  const draft = draftFromCard(card);
  const notSet = <span class="hint">{t('libraryNotSet')}</span>;

  return (
    <section class="library-card" aria-labelledby="library-card-title" data-card-key={card.key}>
      <div class="library-card__head">
        <h3 id="library-card-title" tabIndex={-1} ref={heading}>
          {card.title}
        </h3>
        <button type="button" aria-label={t('libraryCloseLabel', card.title)} onClick={onClose}>
          {t('libraryClose')}
        </button>
      </div>
      <ReviewBadges states={states} replaced={replacedBy.length > 0} />
      {(replacedBy.length > 0 || replaces) && (
        <div class="library-card__replacement notice">
          {replacedBy.map((other) => (
            <p key={other.key}>
              {t('libraryReplacedBy', [other.title, packName(other.pack)])}{' '}
              {isLocal(packs.get(other.pack)) && (
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('cardsEditLabel', other.title)}
                  onClick={() => openInEditor(other.key)}
                >
                  {t('cardsEdit')}
                </button>
              )}
            </p>
          ))}
          {replaces && (
            <p>
              {t('libraryReplaces', [
                replaces.card?.title ?? replaces.reference,
                packName(replaces.card?.pack ?? replaces.reference.slice(0, replaces.reference.indexOf('/'))),
              ])}
            </p>
          )}
          <p class="hint">{t(replacedBy.length > 0 ? 'libraryReplacedHint' : 'libraryReplacesHint')}</p>
        </div>
      )}
      <dl class="library-card__facts">
        <dt>{t('libraryFactPack')}</dt>
        <dd>{pack ? t('libraryPackVersion', [pack.name, pack.version]) : card.pack}</dd>
        <dt>{t('libraryFactPlace')}</dt>
        <dd>{placeLabel(card)}</dd>
        <dt>{t('libraryFactCardVersion')}</dt>
        <dd>{card.version !== undefined ? String(card.version) : notSet}</dd>
        <dt>{t('libraryFactUpdated')}</dt>
        <dd>{card.updatedAt ? formatDay(card.updatedAt) : notSet}</dd>
        <dt>{t('libraryFactVerified')}</dt>
        <dd>
          {card.verifiedAt ? formatDay(card.verifiedAt) : t('reviewStateUnverified')}
          {card.source && /^https:\/\//.test(card.source) && (
            <>
              {' · '}
              <a href={card.source} target="_blank" rel="noopener noreferrer">
                {t('librarySourceLink')}
                <span class="visually-hidden"> {t('opensInNewTab')}</span>
              </a>
            </>
          )}
        </dd>
        <dt>{t('libraryFactReviewBy')}</dt>
        <dd>{card.reviewBy ? formatDay(card.reviewBy) : notSet}</dd>
        <dt>{t('libraryFactLanguage')}</dt>
        <dd>{languageName(cardLanguage(card, packs))}</dd>
        {flags > 0 && (
          <>
            <dt>{t('reviewStateOutdated')}</dt>
            <dd>
              {tn('libraryOpenFlags', flags)} <a href="#gaps">{t('libraryOpenGaps')}</a>
            </dd>
          </>
        )}
      </dl>
      {isLocal(pack) ? (
        <div class="button-row">
          <button type="button" class="primary" aria-label={t('cardsEditLabel', card.title)} onClick={() => openInEditor(card.key)}>
            {t('cardsEdit')}
          </button>
        </div>
      ) : (
        <DuplicateToMyPack card={card} localPacks={[...packs.values()].filter(isLocal)} />
      )}
      <CardPreview draft={draft} />
    </section>
  );
}

/**
 * Copies another pack's card into one of the coach's packs (chosen when there are several; a
 * new one when there are none), then opens the copy in the editor.
 */
function DuplicateToMyPack({ card, localPacks }: { card: CardRecord; localPacks: PackRecord[] }) {
  const sorted = [...localPacks].sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState(sorted[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const packId = sorted.some((pack) => pack.id === chosen) ? chosen : (sorted[0]?.id ?? '');

  const duplicate = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const target = packId || (await createLocalPack(t('libraryNewPackName'))).id;
      const result = await adaptCard(card.key, target);
      if (result.ok) openInEditor(result.value.key);
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="library-card__duplicate">
      {sorted.length > 1 && (
        <div class="field">
          <label for="library-duplicate-pack">{t('libraryDuplicateInto')}</label>
          <select id="library-duplicate-pack" value={packId} onChange={(event) => setChosen(event.currentTarget.value)}>
            {sorted.map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="button-row">
        <button type="button" class="primary" disabled={busy} aria-describedby="library-duplicate-hint" onClick={() => void duplicate()}>
          {t('libraryDuplicate')}
        </button>
      </div>
      <p id="library-duplicate-hint" class="hint">
        {sorted.length === 1
          ? t('libraryDuplicateIntoOne', sorted[0]!.name)
          : sorted.length === 0
            ? t('libraryDuplicateIntoNew', t('libraryNewPackName'))
            : t('libraryDuplicateIntoChosen')}{' '}
        {t('libraryDuplicateHint')}
      </p>
      {failed && (
        <p class="notice notice--error" role="alert">
          {t('libraryDuplicateFailed')}
        </p>
      )}
    </div>
  );
}
