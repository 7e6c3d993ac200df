/**
 * The string keys the database indexes by. Stored records carry them, so their shapes are
 * fixed: changing one needs a database upgrade. Neither pack ids, card ids, tool ids nor
 * context ids may contain "/", so a key always splits back into its parts.
 */

/** A card's key: `pack/id` (card ids are unique within a pack). */
export function cardKey(pack: string, cardId: string): string {
  return `${pack}/${cardId}`;
}

/** The context a tool-wide place stands for: a card or flag about the tool as a whole. */
const ANY_CONTEXT = '*';

/** Where in a tool: `tool/context`, or `tool/*` (null context) for the tool as a whole. */
export function placeKey(tool: string, context: string | null): string {
  return `${tool}/${context ?? ANY_CONTEXT}`;
}

/** Whether a card with these places shows on a page of `tool` and `context`: for that page, or for the tool as a whole. */
export function showsOn(places: readonly string[], tool: string, context: string | null): boolean {
  return places.includes(placeKey(tool, null)) || (context !== null && places.includes(placeKey(tool, context)));
}

/** Every place a card shows: each tool × context pair, or each tool as a whole when it names no context. */
export function placesOf(card: { tools: readonly string[]; contexts: readonly string[] }): string[] {
  const places: string[] = [];
  for (const tool of card.tools) {
    if (card.contexts.length === 0) places.push(placeKey(tool, null));
    for (const context of card.contexts) places.push(placeKey(tool, context));
  }
  return places;
}
