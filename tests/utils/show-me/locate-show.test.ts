import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accessibleName, roleOf } from '../../../utils/show-me/accessible';
import { describeLocator, locateAll, targetLocators } from '../../../utils/show-me/locate';
import { findTarget, isRendered } from '../../../utils/show-me/find';
import { parsePack } from '../../../utils/cards/pack';
import type { Locator } from '../../../utils/cards/schema';

// happy-dom has no layout: visibility here is CSS alone (isRendered); boxes are judged in real Chromium.
const options = { isVisible: isRendered };
const find = (...locators: Locator[]) => findTarget(document, locators, options).element;

beforeEach(() => {
  document.head.innerHTML = '<style>.closed { display: none; }</style>';
  document.body.innerHTML = '';
});

describe('roles and accessible names', () => {
  it('reads explicit roles first, then the role the tag implies', () => {
    document.body.innerHTML = `
      <div id="a" role="menuitem button">Make a copy</div><a id="b" href="/x">Link</a><a id="c">No href</a>
      <input id="d" type="checkbox"><input id="e" type="search"><input id="f"><select id="g"></select>
      <header id="h"></header><article><header id="i"></header></article><section id="j" aria-label="Grades"></section><section id="k"></section>`;
    const role = (id: string) => roleOf(document.getElementById(id)!);
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map(role)).toEqual([
      'menuitem',
      'link',
      '',
      'checkbox',
      'searchbox',
      'textbox',
      'combobox',
      'banner',
      '',
      'region',
      '',
    ]);
  });

  it('names from aria-labelledby, aria-label, labels, content, title and placeholder, in that order', () => {
    document.body.innerHTML = `
      <span id="l1">Due</span><span id="l2">date</span>
      <button id="a" aria-labelledby="l1 l2" aria-label="ignored">x</button>
      <button id="b" aria-label="Bold (Ctrl+B)"><svg></svg></button>
      <label for="c">Points <em>possible</em></label><input id="c">
      <label>Title <input id="d"></label>
      <button id="e"><img alt="Print"> <span aria-hidden="true">🖨</span> submission</button>
      <div id="f" role="tab">Stream</div>
      <div id="g" title="More options"></div>
      <input id="h" placeholder="Search courses">
      <nav id="i">Not a name from content</nav>`;
    const name = (id: string) => accessibleName(document.getElementById(id)!);
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(name)).toEqual([
      'Due date',
      'Bold (Ctrl+B)',
      'Points possible',
      'Title',
      'Print submission',
      'Stream',
      'More options',
      'Search courses',
      '',
    ]);
  });
});

describe('locator kinds', () => {
  it('role and name: exact by default, ignoring case and spacing; start and contains when asked', () => {
    document.body.innerHTML = `
      <button id="rubric">  View   rubric </button><button id="bold" aria-label="Bold (Ctrl+B)"></button>
      <div role="menuitem" id="copy">Make a copy</div>`;
    expect(find({ role: 'button', name: 'View Rubric' })?.id).toBe('rubric');
    expect(find({ role: 'button', name: 'Bold' })).toBeNull();
    expect(find({ role: 'button', name: 'Bold', match: 'start' })?.id).toBe('bold');
    expect(find({ role: 'menuitem', name: 'copy', match: 'contains' })?.id).toBe('copy');
    expect(find({ role: 'link', name: 'Make a copy' })).toBeNull();
    expect(find({ role: 'menuitem' })?.id).toBe('copy');
  });

  it('text in nested elements finds the control that holds it', () => {
    document.body.innerHTML = `
      <nav><a id="modules" href="/m"><span class="icon"></span><span>Modu<b>les</b></span></a></nav>
      <p id="plain">Weight final grade by assignment group</p>
      <div id="wrap"><button id="add"><span>+</span> <span>Add</span> <span>Module</span></button></div>`;
    expect(find({ text: 'Modules' })?.id).toBe('modules');
    expect(find({ text: 'weight final grade', match: 'start' })?.id).toBe('plain');
    expect(find({ text: '+ Add Module' })?.id).toBe('add');
    expect(find({ text: 'Add Module', match: 'contains' })?.id).toBe('add');
    expect(find({ text: 'Modul' })).toBeNull();
  });

  it('stable attributes: data-testid, aria-label, id', () => {
    document.body.innerHTML = `
      <button id="x1" data-testid="publish-button">Publish</button>
      <button id="x2" aria-label="Speedgrader settings"></button><div id="gradebook_grid"></div>`;
    expect(find({ testId: 'publish-button' })?.id).toBe('x1');
    expect(find({ ariaLabel: 'speedgrader SETTINGS' })?.id).toBe('x2');
    expect(find({ ariaLabel: 'Speedgrader', match: 'start' })?.id).toBe('x2');
    expect(find({ id: 'gradebook_grid' })?.id).toBe('gradebook_grid');
    expect(find({ id: 'gradebook' })).toBeNull();
  });

  it('css stays as the fallback, and a bare string is CSS (older packs)', () => {
    document.body.innerHTML = '<button id="save" class="btn-save">Save</button>';
    expect(find({ css: '.btn-save' })?.id).toBe('save');
    expect(findTarget(document, ['#save'], options).element?.id).toBe('save');
    expect(() => locateAll([document], { css: 'button[' })).toThrow();
    expect(findTarget(document, [{ css: 'button[' }, { text: 'Save' }], options)).toMatchObject({ locator: 1 });
  });

  it('a label that repeats is told apart by its container', () => {
    document.body.innerHTML = `
      <div role="region" aria-label="Week 1"><button id="w1">Edit</button></div>
      <section aria-labelledby="h2"><h2 id="h2">Week 2</h2><button id="w2">Edit</button></section>`;
    expect(find({ role: 'button', name: 'Edit' })?.id).toBe('w1');
    expect(find({ role: 'button', name: 'Edit', within: { role: 'region', name: 'Week 2' } })?.id).toBe('w2');
    expect(find({ text: 'Edit', within: { text: 'Week 2', match: 'start' } })).toBeNull();
    expect(locateAll([document], { role: 'button', name: 'Edit', within: { role: 'region' } }).map((e) => e.id)).toEqual(['w1', 'w2']);
  });

  it('the first visible match wins; hidden matches are reported as hidden', () => {
    document.body.innerHTML = `
      <div class="closed"><div role="menuitem" id="hidden-copy">Make a copy</div></div>
      <div role="menuitem" id="copy">Make a copy</div>`;
    expect(find({ role: 'menuitem', name: 'Make a copy' })?.id).toBe('copy');
    document.getElementById('copy')!.remove();
    expect(findTarget(document, [{ role: 'menuitem', name: 'Make a copy' }], options)).toEqual({ element: null, reason: 'hidden' });
  });
});

describe('where locators look', () => {
  it('inside open shadow roots, names included', () => {
    document.body.innerHTML = '<d2l-navigation id="host"></d2l-navigation>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="lbl">Course Tools</span><button id="inner" aria-labelledby="lbl"></button><p>Grades</p>';
    const inner = root.getElementById('inner');
    expect(find({ role: 'button', name: 'Course Tools' })).toBe(inner);
    expect(find({ text: 'Grades' })?.localName).toBe('p');
    expect(find({ id: 'inner' })).toBe(inner);
  });

  it('in same-origin frames, whose nodes come from another realm', async () => {
    document.body.innerHTML = '<iframe srcdoc="<main><button aria-label=\'Insert image\'></button><p>Attach file</p></main>"></iframe>';
    const frame = document.querySelector('iframe')!;
    await vi.waitFor(() => expect(frame.contentDocument?.querySelector('main')).toBeTruthy());
    expect(find({ role: 'button', name: 'Insert image' })).toBe(frame.contentDocument!.querySelector('button'));
    expect(find({ text: 'Attach file' })).toBe(frame.contentDocument!.querySelector('p'));
  });
});

describe('targets in packs', () => {
  const pack = (target: unknown) =>
    parsePack({
      schemaVersion: 1,
      id: 'p',
      name: 'P',
      version: '1.0.0',
      cards: [
        {
          id: 'c',
          title: 'T',
          summary: 'S',
          steps: ['a', 'b'],
          tools: ['canvas'],
          contexts: [],
          tags: [],
          level: 'beginner',
          links: [],
          targets: [target],
        },
      ],
    });

  it('keeps old selector-only targets valid and reads locators first', () => {
    const old = pack({ step: 0, selectors: ['#save'] });
    expect(old.ok).toBe(true);
    const both = pack({ step: 1, locate: [{ role: 'button', name: 'Save' }], selectors: ['#save'], source: 'https://help.example/save' });
    expect(both.ok).toBe(true);
    if (both.ok) expect(targetLocators(both.pack.cards[0]!.targets![0]!)).toEqual([{ role: 'button', name: 'Save' }, '#save']);
  });

  it('names what is wrong with a locator, and where', () => {
    const bad = pack({ step: 0, locate: [{ role: 'button', text: 'Save' }, { name: 'Save' }, {}] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toContain('cards[0].targets[0].locate[0]: uses role and text');
      expect(bad.errors.join('\n')).toContain('cards[0].targets[0].locate[1].name: goes with role');
      expect(bad.errors.join('\n')).toContain('cards[0].targets[0].locate[2]: needs one of role, text, testId, ariaLabel, id, css');
    }
    const none = pack({ step: 0 });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors.join('\n')).toContain('cards[0].targets[0]: needs locate or selectors');
  });

  it('warns about unknown locator fields, as for other fields', () => {
    const result = pack({ step: 0, locate: [{ role: 'button', nmae: 'Save' }] });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.warnings?.join('\n')).toContain(
        'cards[0].targets[0].locate[0].nmae: is not a field of a locator and is ignored (did you mean "name"?)',
      );
  });

  it('describes locators in words a coach can check', () => {
    expect(describeLocator({ role: 'button', name: 'View Rubric' })).toBe('button "View Rubric"');
    expect(describeLocator({ text: 'Publish', match: 'start', within: { role: 'dialog' } })).toBe('text "Publish" (starts with) in dialog');
    expect(describeLocator('#save')).toBe('css #save');
  });
});
