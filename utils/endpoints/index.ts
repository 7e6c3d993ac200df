/**
 * One request per delivery attempt: the body for the endpoint's format, JSON-encoded, and the
 * headers. Pure apart from the clock and WebCrypto; the outbox does the sending.
 */
import type { chat_v1 } from '@googleapis/chat';
import type { RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { toDiscordMessage } from './discord';
import { toGoogleChatMessage } from './google-chat';
import { payloadId, toJsonPayload, type GenericJsonPayload } from './json';
import { toSlackMessage, type SlackWebhookMessage } from './slack';
import { toTeamsMessage, type TeamsWorkflowsMessage } from './teams';
import type { EndpointFormat, OutgoingPayload } from './types';
import type { MessageKey } from '../platform/i18n';
import { checkRemoteUrl } from '../platform/url';

export interface EndpointBodies {
  slack: SlackWebhookMessage;
  teams: TeamsWorkflowsMessage;
  'google-chat': chat_v1.Schema$Message;
  discord: RESTPostAPIWebhookWithTokenJSONBody;
  json: GenericJsonPayload;
}

const FORMATTERS: { [F in EndpointFormat]: (payload: OutgoingPayload) => EndpointBodies[F] } = {
  slack: toSlackMessage,
  teams: toTeamsMessage,
  'google-chat': toGoogleChatMessage,
  discord: toDiscordMessage,
  json: toJsonPayload,
};

/** The format's name in the UI's language (locale keys), for the studio and the previews. */
export const FORMAT_NAME_KEYS: Record<EndpointFormat, MessageKey> = {
  slack: 'formatSlack',
  teams: 'formatTeams',
  'google-chat': 'formatGoogleChat',
  discord: 'formatDiscord',
  json: 'formatJson',
};

/** The body object for a format, before encoding (what the preview and tests read). */
export function formatBody<F extends EndpointFormat>(format: F, payload: OutgoingPayload): EndpointBodies[F] {
  return FORMATTERS[format](payload);
}

export interface BuildRequestOptions {
  /** Shared secret for the generic JSON format; when set, the body is signed. */
  secret?: string;
  /** Milliseconds since the epoch; defaults to Date.now(). For a fixed timestamp in tests. */
  now?: number;
}

export interface EndpointRequest {
  headers: Record<string, string>;
  body: string;
}

export const SIGNATURE_HEADER = 'X-Coachmark-Signature';
export const TIMESTAMP_HEADER = 'X-Coachmark-Timestamp';

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

export async function buildRequest(
  format: EndpointFormat,
  payload: OutgoingPayload,
  options: BuildRequestOptions = {},
): Promise<EndpointRequest> {
  const body = JSON.stringify(formatBody(format, payload));
  // Every attempt at one payload carries the same key, so a receiver can drop a retried duplicate.
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Idempotency-Key': payloadId(payload),
  };
  if (format === 'json' && options.secret) {
    // Signed string: `${timestamp}.${body}`, timestamp in whole seconds since the epoch, sent as
    // X-Coachmark-Timestamp. A receiver recomputes HMAC-SHA256 over the same string with the
    // shared secret, compares it with X-Coachmark-Signature (`sha256=<hex>`) in constant time,
    // and rejects old timestamps, so a captured request cannot be replayed later.
    const timestamp = String(Math.floor((options.now ?? Date.now()) / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = `sha256=${await hmacSha256Hex(options.secret, `${timestamp}.${body}`)}`;
  }
  return { headers, body };
}

export type EndpointUrlCheck = { ok: true } | { ok: false; error: string };

/** https, or http to this machine for testing a receiver locally; the error says what to change. */
export function validateEndpointUrl(url: string): EndpointUrlCheck {
  const check = checkRemoteUrl(url);
  if (check.ok) return { ok: true };
  switch (check.problem) {
    case 'empty':
      return { ok: false, error: 'The endpoint URL is empty.' };
    case 'invalid':
      return { ok: false, error: 'The endpoint URL is not a valid URL: it should start with https://.' };
    case 'credentials':
      return { ok: false, error: 'The endpoint URL must not contain a user name or password.' };
    case 'not-https':
      return {
        ok: false,
        error: `The endpoint URL uses http:// for ${check.url?.hostname}; use https:// (http is only allowed for localhost).`,
      };
    case 'scheme':
      return { ok: false, error: `The endpoint URL uses ${check.url?.protocol.replace(/:$/, '')}; use https://.` };
  }
}

/** How an endpoint is named to the teacher: its host ("hooks.slack.com"), or the text as typed. */
export function endpointHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
