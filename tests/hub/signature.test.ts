import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_MAX_AGE_SECONDS, verifySignature } from '../../hub/signature';
import { buildRequest, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../utils/endpoints/index';
import { newGapFlag } from './support/payloads';

const SECRET = 'district-shared-secret';
const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** What the extension sends, signed at `signedAt`. */
async function signed(signedAt = NOW, secret = SECRET) {
  const request = await buildRequest('json', newGapFlag(), { secret, now: signedAt });
  return { body: request.body, timestamp: request.headers[TIMESTAMP_HEADER], signature: request.headers[SIGNATURE_HEADER] };
}

describe('verifySignature', () => {
  it('accepts what the extension signs with the shared secret', async () => {
    const { body, timestamp, signature } = await signed();
    expect(verifySignature(SECRET, body, timestamp, signature, NOW)).toEqual({ ok: true });
  });

  it('accepts an HMAC-SHA256 over "timestamp.body" made by any other implementation', () => {
    const body = '{"type":"gap-flag"}';
    const timestamp = seconds(NOW);
    const hex = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    expect(verifySignature(SECRET, body, timestamp, `sha256=${hex}`, NOW)).toEqual({ ok: true });
    expect(verifySignature(SECRET, body, timestamp, `sha256=${hex.toUpperCase()}`, NOW)).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret', async () => {
    const { body, timestamp, signature } = await signed(NOW, 'another-school');
    const check = verifySignature(SECRET, body, timestamp, signature, NOW);
    expect(check).toEqual({ ok: false, error: expect.stringMatching(/^X-Coachmark-Signature: does not match/) });
  });

  it('refuses a body or timestamp changed after signing', async () => {
    const { body, timestamp, signature } = await signed();
    expect(verifySignature(SECRET, body.replace('Nothing', 'Something'), timestamp, signature, NOW).ok).toBe(false);
    expect(verifySignature(SECRET, body, String(Number(timestamp) + 1), signature, NOW).ok).toBe(false);
  });

  it('names the missing header', async () => {
    const { body, timestamp, signature } = await signed();
    expect(verifySignature(SECRET, body, timestamp, undefined, NOW)).toEqual({
      ok: false,
      error: expect.stringMatching(/^X-Coachmark-Signature: is missing/),
    });
    expect(verifySignature(SECRET, body, undefined, signature, NOW)).toEqual({
      ok: false,
      error: expect.stringMatching(/^X-Coachmark-Timestamp: is missing/),
    });
    expect(verifySignature(SECRET, body, '', '', NOW).ok).toBe(false);
  });

  it('accepts a timestamp up to five minutes off in either direction, and refuses one further off', async () => {
    const limit = SIGNATURE_MAX_AGE_SECONDS * 1000;
    for (const signedAt of [NOW - limit, NOW + limit]) {
      const { body, timestamp, signature } = await signed(signedAt);
      expect(verifySignature(SECRET, body, timestamp, signature, NOW), `signed at ${signedAt - NOW} ms`).toEqual({ ok: true });
    }
    for (const signedAt of [NOW - limit - 1000, NOW + limit + 1000, NOW - 24 * 3600_000]) {
      const { body, timestamp, signature } = await signed(signedAt);
      const check = verifySignature(SECRET, body, timestamp, signature, NOW);
      expect(check, `signed at ${signedAt - NOW} ms`).toEqual({
        ok: false,
        error: expect.stringMatching(/^X-Coachmark-Timestamp: is more than 5 minutes from the Hub’s clock/),
      });
    }
  });

  it('refuses a malformed timestamp', async () => {
    const { body, signature } = await signed();
    for (const timestamp of ['abc', '1.5', '-1', ' 1764000000', '1764000000000000', '0x69']) {
      const check = verifySignature(SECRET, body, timestamp, signature, NOW);
      expect(check, timestamp).toEqual({ ok: false, error: 'X-Coachmark-Timestamp: must be whole seconds since 1970' });
    }
  });

  it('refuses a malformed signature', async () => {
    const { body, timestamp, signature } = await signed();
    const hex = signature!.slice('sha256='.length);
    for (const malformed of [
      hex,
      `sha1=${hex}`,
      `sha256=${hex.slice(1)}`,
      `sha256=${hex}0`,
      `sha256=${'g'.repeat(64)}`,
      `sha256= ${hex}`,
    ]) {
      const check = verifySignature(SECRET, body, timestamp, malformed, NOW);
      expect(check, malformed).toEqual({ ok: false, error: 'X-Coachmark-Signature: must be sha256=<64 hex digits>' });
    }
  });
});
