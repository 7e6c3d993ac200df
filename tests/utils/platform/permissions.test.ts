// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  domainPattern,
  hasOrigins,
  originPattern,
  removeOrigins,
  requestOrigins,
  requestReadAccess,
  watchPermissions,
} from '../../../utils/platform/permissions';

/** The permissions API as a browser shows it: granted patterns, the teacher's answer, each call. */
let granted: Set<string>;
let answer: boolean;
let calls: Array<[string, string[]]>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  answer = true;
  calls = [];
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => {
      calls.push(['contains', origins]);
      return origins.every((origin) => granted.has(origin));
    },
    request: async ({ origins = [] }: { origins?: string[] }) => {
      calls.push(['request', origins]);
      if (answer) for (const origin of origins) granted.add(origin);
      return answer;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      calls.push(['remove', origins]);
      for (const origin of origins) granted.delete(origin);
      return true;
    },
  });
});

describe('originPattern', () => {
  it('asks for exactly the address’s origin', () => {
    expect(originPattern('https://hooks.slack.com/services/T0/B0/xyz', { portInPattern: true })).toBe('https://hooks.slack.com/*');
    expect(originPattern('http://127.0.0.1:8787/hook?x=1', { portInPattern: true })).toBe('http://127.0.0.1:8787/*');
    expect(originPattern('  https://hub.district.example:8443/v1/events ', { portInPattern: true })).toBe(
      'https://hub.district.example:8443/*',
    );
  });

  it('leaves the port out where match patterns cannot carry one (Firefox)', () => {
    expect(originPattern('http://127.0.0.1:8787/hook', { portInPattern: false })).toBe('http://127.0.0.1/*');
  });

  it('has no pattern for other schemes or for text that is not an address', () => {
    expect(originPattern('ftp://example.org/', { portInPattern: true })).toBeNull();
    expect(originPattern('not a url', { portInPattern: true })).toBeNull();
  });
});

describe('domainPattern', () => {
  it('asks for exactly the https origin of the domain', () => {
    expect(domainPattern('lms.district.org')).toBe('https://lms.district.org/*');
  });
});

describe('hasOrigins, requestOrigins, removeOrigins', () => {
  it('ask the browser for exactly the given patterns', async () => {
    expect(await hasOrigins(['https://hooks.slack.com/*'])).toBe(false);
    expect(await requestOrigins(['https://hooks.slack.com/*'])).toBe(true);
    expect(await hasOrigins(['https://hooks.slack.com/*'])).toBe(true);
    await removeOrigins(['https://hooks.slack.com/*']);
    expect(await hasOrigins(['https://hooks.slack.com/*'])).toBe(false);
    expect(calls.map(([call]) => call)).toEqual(['contains', 'request', 'contains', 'remove', 'contains']);
  });

  it('report a refusal as not granted', async () => {
    answer = false;
    expect(await requestOrigins(['https://lms.district.org/*'])).toBe(false);
    expect(granted.size).toBe(0);
  });

  it('call request before returning, so the prompt starts inside the click', () => {
    void requestOrigins(['https://lms.district.org/*']);
    expect(calls).toEqual([['request', ['https://lms.district.org/*']]]);
  });

  it('treat a failing or missing API as not granted, never as an error', async () => {
    Object.assign(fakeBrowser.permissions, {
      contains: async () => Promise.reject(new Error('not allowed here')),
      request: () => {
        throw new Error('This function must be called during a user gesture');
      },
      remove: async () => Promise.reject(new Error('You cannot remove required permissions')),
    });
    expect(await hasOrigins(['https://a.example/*'])).toBe(false);
    expect(await requestOrigins(['https://a.example/*'])).toBe(false);
    await expect(removeOrigins(['https://a.example/*'])).resolves.toBeUndefined();
  });
});

describe('requestReadAccess', () => {
  it('asks for the file’s host, every port, only when not granted yet', async () => {
    await requestReadAccess('https://packs.district.example:8443/canvas.json');
    expect(calls).toEqual([
      ['contains', ['https://packs.district.example/*']],
      ['request', ['https://packs.district.example/*']],
    ]);
    calls = [];
    await requestReadAccess('https://packs.district.example/other.json');
    expect(calls).toEqual([['contains', ['https://packs.district.example/*']]]);
  });
});

describe('watchPermissions', () => {
  /** The fake browser has no permission events: a minimal one that fires to its listeners. */
  function event() {
    const listeners = new Set<() => void>();
    return {
      addListener: (listener: () => void) => void listeners.add(listener),
      removeListener: (listener: () => void) => void listeners.delete(listener),
      fire: () => listeners.forEach((listener) => listener()),
      get size() {
        return listeners.size;
      },
    };
  }

  it('calls back on every grant and removal until unsubscribed', () => {
    const onAdded = event();
    const onRemoved = event();
    Object.assign(fakeBrowser.permissions, { onAdded, onRemoved });
    const listener = vi.fn();
    const stop = watchPermissions(listener);
    onAdded.fire();
    onRemoved.fire();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    expect([onAdded.size, onRemoved.size]).toEqual([0, 0]);
    onAdded.fire();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
