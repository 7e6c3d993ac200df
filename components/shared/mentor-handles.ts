import type { EndpointFormat } from '@/utils/endpoints/types';
import type { MessageKey } from '@/utils/platform/i18n';

/** How each chat's handle is named, explained and (where it has a shape) refused. */
export const HANDLE_LABELS: Record<EndpointFormat, { label: MessageKey; hint: MessageKey; invalid: MessageKey | null }> = {
  slack: { label: 'mentorHandleSlack', hint: 'mentorHandleSlackHint', invalid: 'mentorHandleSlackInvalid' },
  teams: { label: 'mentorHandleTeams', hint: 'mentorHandleTeamsHint', invalid: 'mentorHandleTeamsInvalid' },
  'google-chat': { label: 'mentorHandleGoogleChat', hint: 'mentorHandleGoogleChatHint', invalid: 'mentorHandleGoogleChatInvalid' },
  discord: { label: 'mentorHandleDiscord', hint: 'mentorHandleDiscordHint', invalid: 'mentorHandleDiscordInvalid' },
  json: { label: 'mentorHandleJson', hint: 'mentorHandleJsonHint', invalid: null },
};
