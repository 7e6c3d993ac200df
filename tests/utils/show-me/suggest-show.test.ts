import { beforeEach, describe, expect, it } from 'vitest';
import { locatorCandidates, pickCandidates, selectorCandidates } from '../../../utils/show-me/selector';
import { suggestLabel } from '../../../utils/show-me/label';
import { findTarget, isRendered } from '../../../utils/show-me/find';
import { locatorSchema } from '../../../utils/cards/schema';

/** happy-dom has no layout: "visible" here is rendered (not display: none, not hidden). */
const options = { isVisible: isRendered };
const one = (selector: string): Element => {
  const found = document.querySelectorAll(selector);
  if (found.length !== 1) throw new Error(`fixture: ${selector} matched ${found.length}`);
  return found[0]!;
};

beforeEach(() => {
  document.body.innerHTML = `
    <header><a href="/courses" class="css-1x2y3z">Courses</a></header>
    <main class="css-9f8e7d">
      <section aria-label="Grading">
        <label for="grading-box-extended">Grade out of 20</label>
        <input id="grading-box-extended" type="text" class="css-abc123">
        <button data-testid="rubric-button" id=":r7:" class="css-4k2j9x"><svg></svg><span>View Rubric</span></button>
        <div role="group" aria-label="Criterion: Accuracy"><span>Accuracy</span><button aria-label="Add comment" class="css-q1w2e3">+</button></div>
        <div role="group" aria-label="Criterion: Labels"><span>Labels</span><button aria-label="Add comment" class="css-r4t5y6">+</button></div>
        <div class="menu" style="display: none"><button type="button">Save draft</button></div>
        <button type="button" class="save">Save draft</button>
        <button type="button" class="icon-only css-77aa88"><svg></svg></button>
        <a href="/submissions/123456">Submission 123456</a>
        <div class="rubric-summary">Rubric total</div>
      </section>
    </main>`;
});

describe('locatorCandidates', () => {
  it('puts role and accessible name first, then data-testid, then CSS that says something new', () => {
    const rubric = one('[data-testid="rubric-button"]');
    const locators = locatorCandidates(rubric, options);
    expect(locators[0]).toEqual({ role: 'button', name: 'View Rubric' });
    expect(locators[1]).toEqual({ testId: 'rubric-button' });
    // The generated React id is not offered, and the CSS twin of the testId is not repeated.
    expect(locators).not.toContainEqual({ id: ':r7:' });
    expect(locators.map((locator) => locator.css)).not.toContain('[data-testid="rubric-button"]');
  });

  it('offers a form field by its label, then its hand-written id, without the #id CSS twin', () => {
    const grade = one('input');
    const locators = locatorCandidates(grade, options);
    expect(locators.slice(0, 2)).toEqual([{ role: 'textbox', name: 'Grade out of 20' }, { id: 'grading-box-extended' }]);
    expect(locators.map((locator) => locator.css)).not.toContain('#grading-box-extended');
  });

  it('offers aria-label when it finds only this element', () => {
    document.body.insertAdjacentHTML('beforeend', '<button aria-label="Close the tray">×</button>');
    const close = one('[aria-label="Close the tray"]');
    expect(locatorCandidates(close, options).slice(0, 2)).toEqual([
      { role: 'button', name: 'Close the tray' },
      { ariaLabel: 'Close the tray' },
    ]);
  });

  it('scopes a name that repeats to the named container that singles the element out', () => {
    const [accuracy, labels] = Array.from(document.querySelectorAll('[aria-label="Add comment"]'));
    expect(locatorCandidates(accuracy!, options)[0]).toEqual({
      role: 'button',
      name: 'Add comment',
      within: { role: 'group', name: 'Criterion: Accuracy' },
    });
    expect(locatorCandidates(labels!, options)[0]).toEqual({
      role: 'button',
      name: 'Add comment',
      within: { role: 'group', name: 'Criterion: Labels' },
    });
    // aria-label repeats too, and this one is not the first visible: not offered.
    expect(locatorCandidates(labels!, options)).not.toContainEqual({ ariaLabel: 'Add comment' });
  });

  it('without a named container, keeps a repeated name only for the first visible match, which "show me" would ring', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<ul class="modules"><li>Week 1 <a href="#m1">Edit</a></li><li>Week 2 <a href="#m2">Edit</a></li></ul>',
    );
    const [first, second] = Array.from(document.querySelectorAll('.modules a'));
    expect(locatorCandidates(first!, options)[0]).toEqual({ role: 'link', name: 'Edit' });
    expect(locatorCandidates(second!, options).some((locator) => locator.role !== undefined)).toBe(false);
  });

  it('counts only visible elements when a name repeats: a hidden copy under a closed menu does not stand in the way', () => {
    const save = one('button.save');
    expect(locatorCandidates(save, options)[0]).toEqual({ role: 'button', name: 'Save draft' });
    // The hidden copy is never the first visible one.
    const hidden = one('.menu button');
    expect(locatorCandidates(hidden, options)[0]).not.toEqual({ role: 'button', name: 'Save draft' });
  });

  it('offers no role locator without a name, or with a name that counts records', () => {
    const icon = one('button.icon-only');
    expect(locatorCandidates(icon, options).every((locator) => locator.role === undefined)).toBe(true);
    const submission = one('a[href^="/submissions"]');
    expect(locatorCandidates(submission, options).every((locator) => locator.role === undefined)).toBe(true);
  });

  it('falls back to the CSS candidates, as { css }, when the element has nothing better', () => {
    const summary = one('.rubric-summary');
    expect(locatorCandidates(summary, options)).toEqual(selectorCandidates(summary).map((css) => ({ css })));
  });

  it('offers only valid locators that lead the finder to the picked element, six at most', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button id="publish_button" data-testid="publish" aria-label="Publish" name="publish" title="Publish" class="publish-button primary-action">Publish</button>',
    );
    for (const element of Array.from(document.querySelectorAll('a, button, input, .rubric-summary'))) {
      const locators = locatorCandidates(element, options);
      expect(locators.length).toBeGreaterThan(0);
      expect(locators.length).toBeLessThanOrEqual(6);
      for (const locator of locators) {
        expect(locatorSchema.safeParse(locator).success).toBe(true);
        if (isRendered(element)) expect(findTarget(document, [locator], options).element).toBe(element);
      }
    }
  });

  it('finds an element inside an open shadow root by role and name', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Share to Classroom</button>';
    const share = root.querySelector('button')!;
    expect(locatorCandidates(share, options)[0]).toEqual({ role: 'button', name: 'Share to Classroom' });
  });
});

describe('pickCandidates', () => {
  it('reports the locators and the CSS candidates together', () => {
    const rubric = one('[data-testid="rubric-button"]');
    const picked = pickCandidates(rubric, options);
    expect(picked.selectors).toEqual(selectorCandidates(rubric));
    expect(picked.locators).toEqual(locatorCandidates(rubric, options));
  });
});

describe('suggestLabel', () => {
  it('suggests the accessible name, the one the role locator uses', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<h2 id="dialog-title">Post grades</h2><div role="dialog" aria-labelledby="dialog-title"></div>',
    );
    expect(suggestLabel(one('[role="dialog"]'))).toBe('Post grades');
    expect(suggestLabel(one('input'))).toBe('Grade out of 20');
  });
});
