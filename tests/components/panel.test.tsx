import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Panel } from '../../components/panel/Panel';
import { db } from '../../utils/platform/db';
import { replacePack } from '../../utils/cards/store';
import { saveTabState } from '../../utils/tabs/tab-state';
import { saveFirstScreen } from '../../utils/tabs/first-screen';
import { primePanelTab } from '../../components/panel/use-tab';
import type { Card } from '../../utils/cards/schema';
import * as make from '../support/factories';

const TAB = 42;

function card(id: string, contexts: string[], title: string): Card {
  return make.card({
    id,
    title,
    summary: `When you need to ${title.toLowerCase()}.`,
    steps: ['Open **SpeedGrader**.', 'Click [the rubric](https://community.canvaslms.com/) and score it.'],
    contexts,
    tags: ['grade'],
    links: [{ title: 'Canvas guide', url: 'https://community.canvaslms.com/t5/Instructor-Guide/tkb-p/Instructor', kind: 'help' }],
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.delete();
  await db.open();
  window.history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
});
afterEach(cleanup);

describe('Panel', () => {
  it('shows the first screen the background kept for the tab in its very first render, then the database’s truth', async () => {
    await replacePack(
      { schemaVersion: 1, id: 'p', name: 'p', version: '1', cards: [card('rubric', ['speedgrader'], 'Grade with a rubric')] },
      { kind: 'local' },
    );
    await saveTabState({ tabId: TAB, url: 'x', detection: { tool: 'canvas', context: 'speedgrader' }, updatedAt: 1 });
    // Kept before a pack changed: the panel shows it at once, and the live read corrects it.
    const kept = make.cardRecord({ id: 'old', title: 'Hide grades (kept)', contexts: ['speedgrader'] }, 'p');
    await saveFirstScreen(TAB, { place: 'canvas/speedgrader', language: 'en-US', cards: [kept], marks: [] });
    await primePanelTab(`?tab=${TAB}`);
    render(<Panel />);
    // No wait: the cards are there in the first render, before any database read.
    expect(within(screen.getByRole('region', { name: 'On this page' })).getByText('Hide grades (kept)')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: 'On this page' }).textContent).toContain('Grade with a rubric'));
    expect(screen.getByRole('region', { name: 'On this page' }).textContent).not.toContain('Hide grades (kept)');
  });

  it('shows the tool and page, the page’s cards, then the tool’s', async () => {
    await replacePack(
      {
        schemaVersion: 1,
        id: 'p',
        name: 'p',
        version: '1',
        cards: [card('rubric', ['speedgrader'], 'Grade with a rubric'), card('modules', ['modules'], 'Add a module')],
      },
      { kind: 'local' },
    );
    await saveTabState({
      tabId: TAB,
      url: 'https://d.instructure.com/courses/1/gradebook/speed_grader',
      detection: { tool: 'canvas', context: 'speedgrader' },
      updatedAt: 1,
    });
    render(<Panel />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Canvas › SpeedGrader');
    const page = await screen.findByRole('region', { name: 'On this page' });
    expect(page.textContent).toContain('Grade with a rubric');
    expect(page.textContent).not.toContain('Add a module');
    // The tool's other cards wait under one toggle that says how many there are.
    const more = await screen.findByRole('region', { name: 'More for Canvas' });
    const toggle = within(more).getByRole('button', { name: 'More for Canvas (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(more.textContent).not.toContain('Add a module');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toContain('Add a module');
  });

  it('opens a card in place with numbered, sanitised steps and links in a new tab', async () => {
    await replacePack(
      { schemaVersion: 1, id: 'p', name: 'p', version: '1', cards: [card('rubric', ['speedgrader'], 'Grade with a rubric')] },
      { kind: 'local' },
    );
    await saveTabState({ tabId: TAB, url: 'x', detection: { tool: 'canvas', context: 'speedgrader' }, updatedAt: 1 });
    render(<Panel />);
    const toggle = await screen.findByRole('button', { name: /Grade with a rubric/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The steps' renderer comes with the first card opened.
    await waitFor(() => expect(document.querySelectorAll('.card__steps li')).toHaveLength(2));
    const steps = document.querySelectorAll('.card__steps li');
    expect(steps).toHaveLength(2);
    expect(steps[0]!.querySelector('strong')?.textContent).toBe('SpeedGrader');
    const tutorial = screen.getByRole('link', { name: /Canvas guide/ });
    expect(tutorial.getAttribute('target')).toBe('_blank');
    expect(tutorial.getAttribute('rel')).toBe('noopener noreferrer');
    expect(tutorial.textContent).toContain('community.canvaslms.com');
  });

  it('follows the tab as it navigates', async () => {
    await saveTabState({ tabId: TAB, url: 'x', detection: { tool: 'canvas', context: 'speedgrader' }, updatedAt: 1 });
    render(<Panel />);
    await screen.findByText('SpeedGrader');
    await saveTabState({ tabId: TAB, url: 'y', detection: { tool: 'canvas', context: 'modules' }, updatedAt: 2 });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Canvas › Modules'));
  });

  it('lists the tools it knows on a page that is not a tool', async () => {
    await saveTabState({ tabId: TAB, url: 'https://example.org/', detection: null, updatedAt: 1 });
    render(<Panel />);
    const unknown = await screen.findByRole('region', { name: 'Open a tool to see help for it' });
    const tools = within(unknown)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(tools).toEqual(expect.arrayContaining(['Canvas', 'Google Classroom']));
  });
});
