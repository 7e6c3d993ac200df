import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The extension signs a generic JSON body when the school sets a shared secret
 * (utils/endpoints/index.ts, buildRequest): `X-Coachmark-Signature: sha256=<hex>` over
 * `${X-Coachmark-Timestamp}.${body}`, the timestamp in seconds. A signature older (or newer)
 * than five minutes is refused, so a captured request cannot be replayed later.
 */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; error: string };

export function verifySignature(
  secret: string,
  body: string,
  timestamp: string | undefined,
  signature: string | undefined,
  nowMs: number = Date.now(),
): SignatureCheck {
  if (!signature) return { ok: false, error: 'X-Coachmark-Signature: is missing (this Hub requires signed events)' };
  if (!timestamp) return { ok: false, error: 'X-Coachmark-Timestamp: is missing (this Hub requires signed events)' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, error: 'X-Coachmark-Timestamp: must be whole seconds since 1970' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) {
    return { ok: false, error: 'X-Coachmark-Timestamp: is more than 5 minutes from the Hub’s clock (a replay, or a clock that is off)' };
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature);
  if (!match) return { ok: false, error: 'X-Coachmark-Signature: must be sha256=<64 hex digits>' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(match[1]!, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, error: 'X-Coachmark-Signature: does not match (check the shared secret)' };
  return { ok: true };
}
