import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../../utils/settings/settings';
import { deliveryEndpoint, schoolEndpointInvalid } from '../../../utils/settings/endpoint';

const TEACHERS_OWN = { endpointUrl: 'https://hooks.slack.com/services/T0/B0/X', endpointFormat: 'slack' as const };

describe('an endpoint the school locked to an address Coachmark cannot send to', () => {
  it.each(['javascript:alert(document.domain)', 'http://chat.district.example/hook', 'not a url'])(
    '%s: flagged, and requests are held rather than sent to the teacher’s own endpoint',
    (url) => {
      const settings = mergeSettings(TEACHERS_OWN, { endpointUrl: url, lockedSettings: ['endpointUrl'] });
      expect(schoolEndpointInvalid(settings)).toBe(true);
      expect(deliveryEndpoint(settings.values)).toBeNull();
    },
  );

  it('is not flagged when the school locked a good address, or locked it empty (no chat yet)', () => {
    const good = mergeSettings(TEACHERS_OWN, { endpointUrl: 'https://chat.district.example/hook', lockedSettings: ['*'] });
    expect(schoolEndpointInvalid(good)).toBe(false);
    expect(deliveryEndpoint(good.values)).toEqual({ url: 'https://chat.district.example/hook', format: 'slack' });
    expect(schoolEndpointInvalid(mergeSettings(TEACHERS_OWN, { endpointUrl: '', lockedSettings: ['endpointUrl'] }))).toBe(false);
  });

  it('is the teacher’s to fix when the school only suggested it (not locked)', () => {
    const suggested = mergeSettings({}, { endpointUrl: 'http://chat.district.example/hook' });
    expect(schoolEndpointInvalid(suggested)).toBe(false);
    expect(deliveryEndpoint(suggested.values)).toBeNull();
    expect(deliveryEndpoint(mergeSettings(TEACHERS_OWN, { endpointUrl: 'http://chat.district.example/hook' }).values)).toEqual({
      url: TEACHERS_OWN.endpointUrl,
      format: 'slack',
    });
  });

  it('allows http to this machine, as everywhere else', () => {
    const local = mergeSettings({}, { endpointUrl: 'http://127.0.0.1:8787/v1/events', lockedSettings: ['endpointUrl'] });
    expect(schoolEndpointInvalid(local)).toBe(false);
  });
});
