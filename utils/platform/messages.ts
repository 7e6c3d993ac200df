import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PackSyncResult } from '../cards/subscriptions';
import type { EndpointFormat } from '../endpoints/types';
import type { MentorDirectorySyncResult } from '../mentors/directory';
import type { HubFlagSyncResult, HubResult, HubVolunteer, VolunteerDecision } from '../hub/types';
import type { AnyLocator } from '../show-me/locate';
import type {
  PickResult,
  ShowTargetResult,
  TargetCheck,
  TargetPreview,
  ToolTab,
  WalkAction,
  WalkStepView,
  WalkthroughState,
} from '../show-me/types';

/** What an endpoint answered to the studio's test message (body cut to its first 300 characters). */
export interface EndpointTestResult {
  ok: boolean;
  status?: number;
  body?: string;
  /** Why no answer came: 'invalid-url', 'timeout' or 'network' (unreachable, or blocked by CORS). */
  error?: 'invalid-url' | 'timeout' | 'network';
}

/**
 * Every message between the content script, the background and extension pages, declared
 * once. Names say who sends to whom. Each takes one typed object.
 */
export interface ProtocolMap {
  /**
   * content → background: the page's URL on load and after each in-page navigation, and which
   * self-hostable tool the page's structure shows (the background does the URL matching).
   */
  contentReportsPage(data: { url: string; signature: string | null }): void;
  /** panel → background: deliver queued pings and flags now (after Retry, or when created). */
  panelKicksOutbox(data: { reason: string }): void;
  /**
   * panel or studio → background: the database could not open and was reset (utils/platform/db-health.ts):
   * open it anew and put the starter pack back.
   */
  pageResetsDatabase(data: Record<string, never>): { starterPack: 'installed' | 'current' | 'failed' };
  /** studio → background: sync one subscribed pack URL now, or every subscription; one result per URL. */
  studioSyncsPacks(data: { url?: string }): PackSyncResult[];
  /** studio → background: sync the school's mentor directory (settings key mentorDirectoryUrl) now. */
  studioSyncsMentors(data: Record<string, never>): MentorDirectorySyncResult;
  /**
   * studio → background: post one clearly marked test message to this endpoint now (not through
   * the outbox) and report the endpoint's real answer. The values are the form's, saved or not.
   */
  studioTestsEndpoint(data: {
    url: string;
    format: EndpointFormat;
    secret: string;
    teacherName?: string;
    schoolName?: string;
  }): EndpointTestResult;
  /** studio → background: ask this Hub (the form's values, saved or not) who the coach token belongs to. */
  studioChecksHub(data: { url: string; token: string }): HubResult<{ name: string }>;
  /** studio → background: resolve on the Hub what was resolved here, then read the Hub's flags into the gaps table. */
  studioSyncsHubFlags(data: Record<string, never>): HubFlagSyncResult;
  /** studio → background: the Hub's mentor volunteers, newest first. */
  studioListsVolunteers(data: Record<string, never>): HubResult<HubVolunteer[]>;
  /** studio → background: approve or decline one volunteer on the Hub. */
  studioDecidesVolunteer(data: { id: string; decision: VolunteerDecision }): HubResult<{ status: string }>;
  /**
   * studio → background: publish a pack of this studio to the Hub as its export reads; answers
   * the published version and the address teachers subscribe to.
   */
  studioPublishesPack(data: { packId: string }): HubResult<{ version: string; url: string }>;
  /** panel → background: highlight on the tab's page the element this card's step points at. */
  panelShowsTarget(data: { tabId: number; cardKey: string; step: number }): ShowTargetResult;
  /** panel → background: take the highlight off the tab's page. */
  panelHidesTarget(data: { tabId: number }): void;
  /**
   * panel → background: walk the teacher through the card's steps on the tab's page, from `step`
   * (the first by default): each step's control is ringed with the step's text beside it.
   */
  panelStartsWalkthrough(data: { tabId: number; cardKey: string; step?: number }): WalkthroughState | null;
  /** panel → background: Back, Next, Skip or Done in the tab's walkthrough; null when there is none. */
  panelStepsWalkthrough(data: { tabId: number; action: WalkAction }): WalkthroughState | null;
  /**
   * background → highlighter (one frame): find the first locator's visible element, waiting
   * up to timeoutMs for it to appear, scroll to it and highlight it. Replaces what the frame
   * showed before. Every frame answers; the background keeps the first that found it. With
   * `walk`, the step's text and the walkthrough's buttons go beside it, and the frame keeps
   * watching for the element after answering (it may appear after a route change or a dialog
   * opening); the top frame shows the step on its own meanwhile.
   */
  backgroundShowsTarget(data: {
    requestId: number;
    locators: AnyLocator[];
    label?: string;
    timeoutMs: number;
    walk?: WalkStepView;
  }): ShowTargetResult;
  /** highlighter → background: the teacher acted on a walkthrough step (pressed its control, or a button, or Esc). */
  highlighterWalks(data: { requestId: number; action: WalkAction }): void;
  /** highlighter → background: a walkthrough step's element appeared after the frame first answered. */
  highlighterFoundStep(data: { requestId: number }): void;
  /** background → highlighter (one frame): stop waiting and hide; only that request's highlight when requestId is given. */
  backgroundHidesTarget(data: { requestId?: number }): void;
  /** background → highlighter (one frame): where each target's element is in this frame. */
  backgroundChecksTargets(data: { targets: AnyLocator[][] }): TargetCheck[];
  /**
   * studio → background: where each target's element is on the tab's page, over all frames
   * (found beats hidden beats missing); null when Coachmark may not run on the page.
   */
  studioChecksTargets(data: { tabId: number; targets: AnyLocator[][] }): TargetCheck[] | null;
  /** studio → background: open tabs showing a known tool (only these tools when given), for "Pick on page". */
  studioListsToolTabs(data: { tools?: string[] }): ToolTab[];
  /** studio → background: load the highlighter into every frame of the tab and bring the tab to the front. */
  studioPreparesPicker(data: { tabId: number }): { ok: boolean };
  /**
   * studio → highlighter (every frame of the tab): let the coach pick an element. The frame
   * where they click answers with selectors; Escape (or studioStopsPicker) answers null.
   */
  studioPicksElement(data: { pickId: string; hint: string }): PickResult | null;
  /** studio → highlighter (every frame of the tab): stop picking. */
  studioStopsPicker(data: { pickId: string }): void;
  /**
   * studio → background: how many elements each locator finds on the tab's page (all
   * frames), and with `show`, bring the tab to the front and highlight the match.
   */
  studioPreviewsTarget(data: { tabId: number; locators: AnyLocator[]; label?: string; show: boolean }): TargetPreview;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
