import type { OutboxItem } from '../platform/db';
import type { HelpRequestPayload } from '../endpoints/types';

/** A help request in the outbox (the outbox also holds gap flags and growth plans). */
export type PingItem = OutboxItem & { payload: HelpRequestPayload };

export const isPing = (item: OutboxItem): item is PingItem => item.payload.type === 'help-request';
