/**
 * What Coachmark sends to a school's endpoint. The generic JSON format sends these objects as
 * they are (documented in the README); the chat formats render them as messages. Everything
 * here is what the teacher saw in the preview: no page text, no query strings, no student data.
 */

export const ENDPOINT_FORMATS = ['slack', 'teams', 'google-chat', 'discord', 'json'] as const;
export type EndpointFormat = (typeof ENDPOINT_FORMATS)[number];

export const URGENCIES = ['now', 'today', 'this-week'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const GAP_KINDS = ['missing', 'unhelpful', 'outdated', 'search-found-nothing'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** A mentor as routed into one message: the handle is the one for the endpoint's format. */
export interface RoutedMentor {
  name: string;
  /**
   * Slack: member id (U…); Discord: user id (snowflake); Google Chat: user id (users/…);
   * Teams: e-mail / UPN; JSON: free text. Absent when the mentor has none for this format.
   */
  handle?: string;
}

export interface PayloadBase {
  /** UUID; also the Idempotency-Key for every delivery attempt. */
  id: string;
  /** ISO 8601 time the teacher pressed Send. */
  createdAt: string;
  teacher: { name: string; school?: string };
  tool: { id: string; name: string };
  /** The page type and a redacted path (or the full URL when the teacher chose to include it). */
  page: { context: string | null; name: string | null; url: string };
  mentors: RoutedMentor[];
}

export interface HelpRequestPayload extends PayloadBase {
  type: 'help-request';
  message: string;
  urgency: Urgency;
}

export interface GapFlagPayload extends PayloadBase {
  type: 'gap-flag';
  kind: GapKind;
  note: string;
  card?: { id: string; title: string; pack: string; version: number };
  /** Searches on this page that found nothing, as the teacher typed them. */
  searches: string[];
}

export type OutgoingPayload = HelpRequestPayload | GapFlagPayload;
