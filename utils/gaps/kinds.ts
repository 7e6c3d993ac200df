import type { GapKind } from '../endpoints/types';

/**
 * Which flags are about one card. The panel's first render asks this, so the module stays
 * free of anything heavier than a type.
 */

/** Flags about one card, closed by a newer copy of it; the others are closed by a new card. */
export type CardGapKind = 'unhelpful' | 'outdated';

export function isCardKind(kind: GapKind): kind is CardGapKind {
  return kind === 'unhelpful' || kind === 'outdated';
}
