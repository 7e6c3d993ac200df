import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DomainsTab } from '../../components/studio/DomainsTab';
import { readUserSettings } from '../../utils/settings/settings';

/**
 * The studio's School domains tab against an in-memory permission store (the fake browser has
 * none): which origin it asks for, when, and what each row then says.
 */

type Listener = () => void;
interface FakePermissions {
  granted: Set<string>;
  /** What the next request answers (the teacher's choice in the prompt). */
  answer: boolean;
  requests: string[][];
}

let permissions: FakePermissions;
let policy: Record<string, unknown>;

function installFakes() {
  permissions = { granted: new Set(), answer: true, requests: [] };
  policy = {};
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const event = (set: Set<Listener>) => ({
    addListener: (listener: Listener) => void set.add(listener),
    removeListener: (listener: Listener) => void set.delete(listener),
    hasListener: (listener: Listener) => set.has(listener),
  });
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => permissions.granted.has(origin)),
    request: ({ origins = [] }: { origins?: string[] }) => {
      permissions.requests.push(origins);
      const answer = permissions.answer;
      return Promise.resolve().then(() => {
        if (!answer) return false;
        for (const origin of origins) permissions.granted.add(origin);
        for (const listener of added) listener();
        return true;
      });
    },
    onAdded: event(added),
    onRemoved: event(removed),
  });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({
      manifest_version: 3,
      name: 'Coachmark',
      version: '0',
      content_scripts: [{ matches: ['https://*.instructure.com/*'], js: ['content-scripts/content.js'] }],
    }),
  });
  (fakeBrowser.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
}

const input = () => screen.getByRole('textbox', { name: 'Domain' });
const add = (value: string) => {
  fireEvent.input(input(), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add domain' }));
};
const row = (domain: string) => screen.getByText(domain).closest('li') as HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  installFakes();
});
afterEach(cleanup);

describe('DomainsTab', () => {
  it('refuses a URL with a clear message, without asking for anything or saving', async () => {
    render(<DomainsTab />);
    await screen.findByRole('textbox', { name: 'Domain' });
    add('https://lms.district.org/login');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Leave out https:// and enter just the host name, for example lms.district.org.',
    );
    expect(input().getAttribute('aria-invalid')).toBe('true');
    add('*.district.org');
    expect(screen.getByRole('alert').textContent).toMatch(/Wildcards/);
    expect(permissions.requests).toEqual([]);
    expect((await readUserSettings()).selfHostedDomains).toBeUndefined();
  });

  it('asks for exactly https://<domain>/* inside the click, saves the domain and shows it active', async () => {
    render(<DomainsTab />);
    await screen.findByRole('textbox', { name: 'Domain' });
    add('  LMS.District.org ');
    // Synchronously, before the click handler returned: the browser needs the user gesture.
    expect(permissions.requests).toEqual([['https://lms.district.org/*']]);
    await waitFor(() =>
      expect(within(row('lms.district.org')).getByText(/^Active/).textContent).toBe(
        'Active: Coachmark recognizes supported tools on this site.',
      ),
    );
    expect(row('lms.district.org').querySelector('.domains__source')?.textContent).toBe('Added by you');
    expect((await readUserSettings()).selfHostedDomains).toEqual(['lms.district.org']);
    expect(screen.getByRole('status').textContent).toMatch(/lms\.district\.org added/);
    expect((input() as HTMLInputElement).value).toBe('');
  });

  it('keeps a refused domain listed with a Grant access button that asks again', async () => {
    permissions.answer = false;
    render(<DomainsTab />);
    await screen.findByRole('textbox', { name: 'Domain' });
    add('moodle.district.org');
    await waitFor(() =>
      expect(within(row('moodle.district.org')).getByText(/^Permission needed/).textContent).toBe(
        'Permission needed: Coachmark cannot look at this site until you grant access.',
      ),
    );
    expect(screen.getByRole('status').textContent).toMatch(/Access was not granted/);

    permissions.answer = true;
    fireEvent.click(screen.getByRole('button', { name: 'Grant access to moodle.district.org' }));
    expect(permissions.requests).toEqual([['https://moodle.district.org/*'], ['https://moodle.district.org/*']]);
    await waitFor(() =>
      expect(within(row('moodle.district.org')).getByText(/^Active/).textContent).toBe(
        'Active: Coachmark recognizes supported tools on this site.',
      ),
    );
    expect(screen.queryByRole('button', { name: /Grant access/ })).toBeNull();
  });

  it('says when a domain is already one Coachmark knows, and refuses duplicates', async () => {
    render(<DomainsTab />);
    await screen.findByRole('textbox', { name: 'Domain' });
    add('district.instructure.com');
    await waitFor(() =>
      expect(within(row('district.instructure.com')).getByText(/^Already recognized/).textContent).toBe(
        'Already recognized: this address is one Coachmark knows.',
      ),
    );
    add('District.Instructure.com');
    expect((await screen.findByRole('alert')).textContent).toBe('district.instructure.com is already in the list.');
  });

  it('shows the school’s domains as set by the school, removable only when the teacher added them', async () => {
    policy = { selfHostedDomains: ['canvas.district.org'] };
    await fakeBrowser.storage.local.set({ settings: { selfHostedDomains: ['mine.school.org'] } });
    render(<DomainsTab />);
    await waitFor(() =>
      expect(Array.from(document.querySelectorAll('.domains__name'), (name) => name.textContent)).toEqual([
        'canvas.district.org',
        'mine.school.org',
      ]),
    );
    expect(row('canvas.district.org').querySelector('.domains__source')?.textContent).toBe('Set by your school');
    expect(within(row('canvas.district.org')).queryByRole('button', { name: /Remove/ })).toBeNull();

    fireEvent.click(within(row('mine.school.org')).getByRole('button', { name: 'Remove mine.school.org' }));
    await waitFor(() => expect(screen.queryByText('mine.school.org')).toBeNull());
    expect((await readUserSettings()).selfHostedDomains).toEqual([]);
    expect(Array.from(document.querySelectorAll('.domains__name'), (name) => name.textContent)).toEqual(['canvas.district.org']);
  });

  it('hides the form when the school locks the list', async () => {
    policy = { selfHostedDomains: ['canvas.district.org'], lockedSettings: ['selfHostedDomains'] };
    render(<DomainsTab />);
    await screen.findByText('Your school manages this list.');
    expect(screen.queryByRole('textbox', { name: 'Domain' })).toBeNull();
    expect(Array.from(document.querySelectorAll('.domains__name'), (name) => name.textContent)).toEqual(['canvas.district.org']);
  });
});
