/**
 * What the district's Coachmark Hub answers the studio (its coach API), as the studio keeps it.
 * The Hub's own documentation is the contract; these are the fields the studio reads.
 */
import type { MentorVolunteerPayload } from '../endpoints/types';

/** A flag's state on the Hub, kept beside the flag in the gaps table. */
export interface HubFlagState {
  /** The Hub the flag came from (its normal address, see hubAddress). */
  url: string;
  /** The state on the Hub as last read or written by this studio. */
  status: 'open' | 'resolved';
  /** The coach who resolved it there. */
  resolvedBy?: string;
  /** Why the last attempt to resolve it on the Hub failed (it is tried again on the next sync). */
  lastError?: string;
  /**
   * The flag was in this browser before the Hub listed it (the coach's own, or one imported by
   * hand): it stays, without this mark, when the Hub is no longer used.
   */
  adopted?: true;
}

/** One flag as GET /v1/flags lists it: the gap-flag payload as received, plus the Hub's fields. */
export interface HubFlag {
  id: string;
  status: 'open' | 'resolved';
  resolvedBy: string | null;
  /** The whole object, read as a gap-flag payload by the store. */
  raw: Record<string, unknown>;
}

/** A teacher who offered to help others, as GET /v1/volunteers lists them: the offer as sent, and the coach's decision. */
export type HubVolunteer = Omit<MentorVolunteerPayload, 'type'> & { status: 'pending' | 'approved' | 'declined' };

export type VolunteerDecision = 'approve' | 'decline';

/** Why a Hub call gave no usable answer, in the few cases the studio tells apart. */
export type HubFailure =
  /** No Hub is set (URL and coach token), so nothing was sent. */
  | { kind: 'not-set' }
  /** The Hub address is not one Coachmark may call (https, or http on localhost). */
  | { kind: 'invalid-url' }
  /** 401: the coach token is missing, wrong or revoked. */
  | { kind: 'refused' }
  /** 404: no such flag, volunteer or pack (or no Hub API at that address). */
  | { kind: 'not-found' }
  /** 400: the Hub named what is wrong with what was sent. */
  | { kind: 'invalid'; errors: string[] }
  /** 409: a conflict, such as a pack version that did not rise. */
  | { kind: 'conflict'; errors: string[] }
  /** Any other status. */
  | { kind: 'http'; status: number; errors: string[] }
  /** A 2xx answer that is not what the Hub API sends (another server at that address). */
  | { kind: 'unreadable' }
  | { kind: 'timeout' }
  /** No answer at all: nothing listens there, the network is down, or the browser blocked the request. */
  | { kind: 'network' };

export type HubResult<T> = { ok: true; value: T } | { ok: false; failure: HubFailure };

/** What one sync of the Hub's flags did (studio "Refresh", the Gaps tab opening, the periodic alarm). */
export type HubFlagSyncResult =
  | { outcome: 'none' }
  | {
      outcome: 'updated' | 'unchanged';
      /** Epoch ms of the answer. */
      at: number;
      /** Flags from this Hub now kept here, and how many of them are open. */
      flags: number;
      open: number;
      /** Flags resolved here that the Hub took now, and those it did not (each keeps why). */
      resolved: number;
      unresolved: number;
    }
  | { outcome: 'failed'; at: number; failure: HubFailure };
