import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { UnknownPage } from '../../components/panel/UnknownPage';
import { TOOLS } from '../../utils/tools/catalog';

afterEach(cleanup);

/** The declarations of one rule in a style sheet, by its exact selector. */
function rule(css: string, selector: string): string {
  const start = css.indexOf(`\n${selector} {`);
  return start < 0 ? '' : css.slice(start, css.indexOf('}', start));
}

describe('UnknownPage', () => {
  it('names every tool as plain text: nothing there looks or acts like a control', () => {
    render(<UnknownPage />);
    const region = screen.getByRole('region', { name: 'Open a tool to see help for it' });
    const names = within(region)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(names.sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
    expect(within(region).queryAllByRole('button')).toEqual([]);
    expect(within(region).queryAllByRole('link')).toEqual([]);
    expect(region.querySelectorAll('[tabindex], .tool-chips')).toHaveLength(0);

    const css = readFileSync(join(__dirname, '../../components/styles/panel.css'), 'utf8');
    const item = rule(css, '.tool-names li');
    expect(item).toMatch(/display: inline/);
    expect(item).not.toMatch(/border|background|border-radius/);
  });
});
