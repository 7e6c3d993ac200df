import type { Locator } from '../cards/schema';

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
 * How many elements each locator finds on the page (every frame Coachmark can reach);
 * null where it is CSS that is not valid.
 */
export interface TargetPreview {
  counts: Array<number | null>;
  shown: ShowTargetResult;
}

/** What the coach picked on the page: ways to find it and selector candidates, most robust first, and a label suggestion. */
export interface PickResult {
  /** Role and name, data-testid, aria-label, id, then the CSS candidates as { css }: what a target's `locate` holds. */
  locators: Locator[];
  /** The CSS candidates alone, most robust first. */
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

/** How one locator of a target fares on the page: how many elements it finds, how many of them visible. */
export interface LocatorCheck {
  /** null: CSS that is not valid. */
  found: number | null;
  visible: number;
}

/** Whether a target's element is on the page: found (visible), hidden (only hidden matches), missing. */
export type TargetState = 'found' | 'hidden' | 'missing';

export interface TargetCheck {
  state: TargetState;
  /** One per locator, in the target's order. */
  locators: LocatorCheck[];
}

/** What the teacher can do in a walkthrough; 'clicked' is pressing the step's own control. */
export type WalkAction = 'next' | 'back' | 'skip' | 'done' | 'clicked';

/** What a frame shows beside a walkthrough step's element (or alone, when it has none). */
export interface WalkStepView {
  /** From 0. */
  index: number;
  total: number;
  /** The step's Markdown, shown as plain text with its bold words. */
  text: string;
  /** The highlight's own short label, when the target has one. */
  label?: string;
  /** The card's title, for the callout's name. */
  title: string;
  /** The words on the page, in the teacher's language (the page has no catalogue of its own). */
  strings: WalkStrings;
}

export interface WalkStrings {
  /** "Step 2 of 5". */
  count: string;
  /** The callout's accessible name: "Walkthrough: <card title>". */
  name: string;
  back: string;
  skip: string;
  next: string;
  /** On the last step, instead of next. */
  done: string;
  /** The close button's accessible name. */
  end: string;
  /** Said while the step's control is not on the page (yet). */
  notFound: string;
}

/**
 * A tab's walkthrough, kept in storage.session (one per tab) so that the panel can show which
 * step the teacher is on, and so that it survives the service worker stopping.
 */
export interface WalkthroughState {
  tabId: number;
  cardKey: string;
  title: string;
  /** From 0. */
  step: number;
  total: number;
  /**
   * Where the current step's control is: 'looking' (still searching), 'found', 'hidden' (only
   * under a closed menu), 'missing' (not on the page), 'no-target' (a step without one),
   * 'no-access' (Coachmark may not run on the page); 'ended' after Done, Esc or the last step.
   */
  status: ShowTargetReason | 'looking' | 'found' | 'ended';
  /** The id of the current step's request to the page's frames. */
  requestId: number;
  updatedAt: number;
}
