/** Why "Show me" could not point at the element. */
export type ShowTargetReason =
  /** No element matched any selector (waited for it to appear). */
  | 'missing'
  /** Elements matched but none is visible (collapsed menu, closed tab, display: none). */
  | 'hidden'
  /** The card's step has no target. */
  | 'no-target'
  /** Coachmark may not run scripts on this page (no host permission, or a browser page). */
  | 'no-access';

export interface ShowTargetResult {
  found: boolean;
  reason?: ShowTargetReason;
}

/**
 * How many elements each selector matches on the page (every frame Coachmark can reach);
 * null where the selector is not valid CSS.
 */
export interface TargetPreview {
  counts: Array<number | null>;
  shown: ShowTargetResult;
}

/** What the coach picked on the page: selector candidates, most robust first, and a label suggestion. */
export interface PickResult {
  selectors: string[];
  label: string;
  /** The element's tag name, lowercase, for the studio's summary ("button"). */
  tag: string;
}

/** An open tab showing a known tool, offered by "Pick on page". */
export interface ToolTab {
  tabId: number;
  title: string;
  url: string;
  tool: string;
  context: string | null;
}
