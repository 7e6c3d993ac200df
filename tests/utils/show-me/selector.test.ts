import { beforeEach, describe, expect, it } from 'vitest';
import { isStableClass, isStableId, matchesOnly, pathSelector, quoteValue, selectorCandidates } from '../../../utils/show-me/selector';
import { suggestLabel } from '../../../utils/show-me/label';

/** A small deterministic random source, so that each "render" differs the way a real re-render does. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Key = 'rubric' | 'grade' | 'submit' | 'student' | 'labelsComment' | 'courses' | 'summary' | 'score';

/**
 * A SpeedGrader-like page as a CSS-in-JS app renders it: every render gets new generated class
 * names (css-…, sc-… and styled-components' letter codes), new React ids (:r7:), a different
 * number of toasts and banners before the content, and the rubric's criteria in a different
 * order. Returns the logical elements a coach could pick, by name.
 */
function renderSpeedGrader(doc: Document, seed: number): Record<Key, Element> {
  const next = random(seed);
  const hash = (length = 6) => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)]).join('');
  const code = () => Array.from({ length: 6 }, () => 'bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ'[Math.floor(next() * 40)]).join('');
  const css = () => `css-${hash()}`;
  const reactId = () => `:r${Math.floor(next() * 90) + 10}:`;
  const toasts = Array.from(
    { length: Math.floor(next() * 3) + 1 },
    (_, index) => `<div class="${css()}" role="alert">Saved ${index}</div>`,
  ).join('');
  const criteria = [
    `<div class="${css()}" role="group" aria-label="Criterion: Accuracy"><span class="${css()}">Accuracy</span><button class="${css()}" aria-label="Add comment" id="${reactId()}">+</button></div>`,
    `<div class="${css()}" role="group" aria-label="Criterion: Labels"><span class="${css()}">Labels</span><button class="${css()}" aria-label="Add comment" id="${reactId()}" data-criterion="labels">+</button></div>`,
  ];
  if (next() < 0.5) criteria.reverse();
  doc.body.innerHTML = `
    ${toasts}
    <header class="ic-app-header ${css()}">
      <a class="ic-app-header__menu-list-link sc-${hash(5)} ${code()}" href="/courses">Courses</a>
    </header>
    <main class="${css()}">
      <div id="${reactId()}" class="${css()}">
        <label for="students_selectmenu">Student</label>
        <select id="${reactId()}" name="student" class="sc-${hash(5)} ${code()}"><option>Student 1</option></select>
      </div>
      <section class="${css()}" aria-label="Grading">
        <label for="grading-box-extended">Grade out of 20</label>
        <input id="grading-box-extended" class="${css()}" type="text">
        <button class="${css()} ${css()}" data-testid="rubric-button" id="${reactId()}"><svg class="${css()}"></svg><span class="${css()}">View Rubric</span></button>
        <div class="rubric-summary ${css()}">Rubric total</div>
        <div class="${css()}"><div class="${css()}"><span class="${css()}">Score</span></div></div>
        ${criteria.join('')}
        <button id="comment_submit_button" class="${css()}" type="button">Submit</button>
      </section>
    </main>`;
  const one = (selector: string) => {
    const found = doc.querySelectorAll(selector);
    if (found.length !== 1) throw new Error(`fixture: ${selector} matched ${found.length}`);
    return found[0]!;
  };
  return {
    rubric: one('button[data-testid]'),
    grade: one('input[type=text]'),
    submit: one('button[type=button]'),
    student: one('select'),
    labelsComment: one('[aria-label="Criterion: Labels"] button'),
    courses: one('header a'),
    summary: one('.rubric-summary'),
    score: one('main section > div:not(.rubric-summary) > div > span'),
  };
}

/** What a naive picker would record: tag, classes and position from <body>. */
function fullPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
    const index = Array.from(node.parentElement!.children).indexOf(node) + 1;
    const classes = Array.from(node.classList)
      .map((name) => `.${CSS.escape(name)}`)
      .join('');
    steps.unshift(`${node.localName}${classes}:nth-child(${index})`);
  }
  return `body > ${steps.join(' > ')}`;
}

const KEYS: Key[] = ['rubric', 'grade', 'submit', 'student', 'labelsComment', 'courses', 'summary'];

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('isStableId', () => {
  it.each([
    'grading-box-extended',
    'speed_grader_comment_textarea',
    'comment_submit_button',
    'students_selectmenu',
    'rubric_holder',
    'global_nav_courses_link',
    'main',
  ])('keeps hand-written %s', (id) => expect(isStableId(id)).toBe(true));
  it.each([
    ':r7:',
    '«r2»',
    'ember1234',
    'submission_comment_12345',
    'TextInput_16',
    'Select_0',
    'react-select-3-input',
    'headlessui-menu-button-1',
    'mui-42',
    'radix-:r2:',
    '7d9f3a2c-51b0-4e8e-9c1a-0f2b3c4d5e6f',
    'x3kd9f2',
    'VfPpkd',
  ])('rejects generated %s', (id) => expect(isStableId(id)).toBe(false));
});

describe('isStableClass', () => {
  it.each(['assignmentDetails__Title', 'toggle_full_rubric', 'ic-app', 'rubric-summary', 'btn-primary', 'ic-app-header__menu-list-link'])(
    'keeps hand-written %s',
    (name) => expect(isStableClass(name)).toBe(true),
  );
  it.each([
    'css-1x2y3z',
    'css-1x2y3z-view',
    'sc-bdVaJa',
    'kDxqLe',
    'dOKaXe',
    'VfPpkd-LgbsSe',
    'jsx-2345678',
    'jss12',
    'makeStyles-root-12',
    'Button_primary__3xYz1',
    'active',
    'is-open',
    'card--selected',
    'ng-star-inserted',
    'hover:bg-blue-500',
    'px-4',
  ])('rejects generated, state or utility class %s', (name) => expect(isStableClass(name)).toBe(false));
});

describe('selectorCandidates on a SpeedGrader-like page', () => {
  it('prefers ids, then test attributes, ARIA, names and stable attributes, most robust first', () => {
    const page = renderSpeedGrader(document, 1);
    expect(selectorCandidates(page.grade)[0]).toBe('#grading-box-extended');
    expect(selectorCandidates(page.submit)[0]).toBe('#comment_submit_button');
    expect(selectorCandidates(page.rubric)[0]).toBe('[data-testid="rubric-button"]');
    expect(selectorCandidates(page.student)[0]).toBe('select[name="student"]');
    expect(selectorCandidates(page.courses)[0]).toBe('a[href="/courses"]');
    expect(selectorCandidates(page.summary)[0]).toBe('div.rubric-summary');
    // "Add comment" repeats in every criterion: scoped under the criterion's own name.
    expect(selectorCandidates(page.labelsComment)[0]).toBe('[role="group"][aria-label="Criterion: Labels"] [aria-label="Add comment"]');
  });

  it('returns several candidates, each matching exactly the picked element', () => {
    const page = renderSpeedGrader(document, 2);
    for (const key of [...KEYS, 'score' as const]) {
      const candidates = selectorCandidates(page[key]);
      expect(candidates.length, key).toBeGreaterThan(0);
      expect(candidates.length, key).toBeLessThanOrEqual(5);
      expect(new Set(candidates).size, key).toBe(candidates.length);
      for (const selector of candidates) {
        const matches = document.querySelectorAll(selector);
        expect(matches.length, `${key}: ${selector}`).toBe(1);
        expect(matches[0], `${key}: ${selector}`).toBe(page[key]);
      }
    }
    // Several hooks, several candidates: the scoped ARIA label, then the data attribute.
    expect(selectorCandidates(page.labelsComment)).toEqual([
      '[role="group"][aria-label="Criterion: Labels"] [aria-label="Add comment"]',
      'button[data-criterion="labels"]',
    ]);
  });

  it('never uses generated class names or React ids', () => {
    const page = renderSpeedGrader(document, 3);
    for (const key of [...KEYS, 'score' as const]) {
      for (const selector of selectorCandidates(page[key])) {
        expect(selector).not.toMatch(/\.css-|\.sc-|:r\d+:|\\:r\d/);
        const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((match) => match[1]!);
        for (const name of classes) expect(isStableClass(name), `${key}: ${selector}`).toBe(true);
      }
    }
  });

  it('stays on the same element across re-renders with new generated names and reordered content', () => {
    let naivePathsBroken = 0;
    for (const [first, second] of [
      [10, 11],
      [12, 13],
      [14, 99],
      [7, 8],
    ] as const) {
      const before = renderSpeedGrader(document, first);
      const picked = Object.fromEntries(KEYS.map((key) => [key, selectorCandidates(before[key])])) as Record<Key, string[]>;
      const naive = Object.fromEntries(KEYS.map((key) => [key, fullPath(before[key])])) as Record<Key, string>;
      const after = renderSpeedGrader(document, second);
      for (const key of KEYS) if (document.querySelector(naive[key]) !== after[key]) naivePathsBroken++;
      for (const key of KEYS) {
        for (const selector of picked[key]) {
          const matches = document.querySelectorAll(selector);
          expect(matches.length, `${key} ${first}→${second}: ${selector}`).toBe(1);
          expect(matches[0], `${key} ${first}→${second}: ${selector}`).toBe(after[key]);
        }
      }
    }
    // The re-renders really move things: positions and class names picked before point elsewhere after.
    expect(naivePathsBroken).toBeGreaterThan(KEYS.length);
  });

  it('falls back to a short positional path only when the element has no stable hook', () => {
    const page = renderSpeedGrader(document, 4);
    const score = selectorCandidates(page.score);
    expect(score).toHaveLength(1);
    // From the nearest nameable ancestor (the Grading section), not from <html>.
    expect(score[0]).toMatch(/^\[aria-label="Grading"\] > div:nth-of-type\(\d\) > div > span$/);
    for (const key of KEYS)
      expect(
        selectorCandidates(page[key]).some((selector) => selector.includes('nth-of-type')),
        key,
      ).toBe(false);
  });
});

describe('selector helpers', () => {
  it('quotes attribute values with quotes, backslashes and line breaks', () => {
    document.body.innerHTML = '<button></button>';
    const button = document.querySelector('button')!;
    button.setAttribute('aria-label', 'Say "hi" \\ now\nplease');
    const [selector] = selectorCandidates(button);
    expect(selector).toBe(`[aria-label='Say "hi" \\\\ now\\a please']`);
    expect(document.querySelector(selector!)).toBe(button);
    expect(quoteValue(`it's "x"`)).toBe(`"it's \\"x\\""`);
  });

  it('builds a path from <body> when no ancestor can be named, and it matches', () => {
    document.body.innerHTML = '<div><p>a</p><p>b</p></div><div><p>c</p></div>';
    const target = document.querySelectorAll('p')[1]!;
    expect(pathSelector(target)).toBe('body > div:nth-of-type(1) > p:nth-of-type(2)');
    expect(matchesOnly(pathSelector(target), target)).toBe(true);
  });

  it('treats invalid CSS as matching nothing', () => {
    document.body.innerHTML = '<i></i><i></i>';
    expect(matchesOnly('i[', document.querySelector('i')!)).toBe(false);
  });
});

describe('suggestLabel', () => {
  it('uses the accessible name: aria-label, then <label>, then text', () => {
    const page = renderSpeedGrader(document, 5);
    expect(suggestLabel(page.labelsComment)).toBe('Add comment');
    expect(suggestLabel(page.grade)).toBe('Grade out of 20');
    expect(suggestLabel(page.rubric)).toBe('View Rubric');
  });

  it('shortens long text at a word boundary', () => {
    document.body.innerHTML = `<button>${'Grade every student submission '.repeat(6)}</button>`;
    const label = suggestLabel(document.querySelector('button')!, 40);
    expect(label.length).toBeLessThanOrEqual(40);
    expect(label.endsWith('…')).toBe(true);
    expect(label).toMatch(/^Grade every student submission/);
  });
});
