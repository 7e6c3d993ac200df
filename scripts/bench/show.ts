import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { findTarget, isRendered } from '../../utils/show-me/find';
import type { AnyLocator } from '../../utils/show-me/locate';
import type { BenchSection } from './types';

const HIGHLIGHTER = join(import.meta.dirname, '../../.output/chrome-mv3/highlighter.js');

/** A gradebook-sized page: navigation, a toolbar, and a 150 × 20 grid of cells with buttons and menus. */
function bigPage(): Document {
  const win = new Window({ url: 'https://bench.instructure.com/courses/1/gradebook' });
  const doc = win.document as unknown as Document;
  const rows: string[] = [];
  for (let r = 0; r < 150; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 20; c++)
      cells.push(
        `<td class="slick-cell c${c}"><span class="grade">${(r * c) % 100}</span><button aria-label="Options for student ${r}, assignment ${c}">⋮</button></td>`,
      );
    rows.push(`<tr class="slick-row">${cells.join('')}</tr>`);
  }
  doc.write(`<!doctype html><html><body>
    <nav aria-label="Courses Navigation Menu"><ul>${['Home', 'Announcements', 'Assignments', 'Discussions', 'Grades', 'People', 'Pages', 'Files', 'Syllabus', 'Quizzes', 'Modules', 'Settings'].map((name) => `<li><a href="/${name.toLowerCase()}">${name}</a></li>`).join('')}</ul></nav>
    <main><div role="toolbar"><button id="gradebook-settings-button" aria-label="Gradebook Settings"></button><button>Import</button><button data-testid="export-button">Export</button></div>
    <table id="gradebook_grid"><tbody>${rows.join('')}</tbody></table></main></body></html>`);
  return doc;
}

function median(run: () => unknown, rounds: number): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(rounds / 2)]!;
}

/** Finding a step's control on a large page, by each locator kind, against the CSS selector "show me" used before. */
export async function benchShow(): Promise<BenchSection> {
  const doc = bigPage();
  const elements = doc.querySelectorAll('*').length;
  const rounds = 40;
  const options = { isVisible: isRendered };
  const time = (locators: AnyLocator[]) => median(() => findTarget(doc, locators, options), rounds);
  const css = time(['#gradebook-settings-button']);
  const rows: BenchSection['rows'] = [
    {
      name: `role + name, button "Gradebook Settings" (${elements} elements, median)`,
      value: time([{ role: 'button', name: 'Gradebook Settings' }]),
      unit: 'ms',
      goal: '≤ 50 ms',
      baseline: css,
    },
    { name: 'visible text, link "Modules"', value: time([{ text: 'Modules' }]), unit: 'ms', goal: '≤ 50 ms', baseline: css },
    { name: 'data-testid "export-button"', value: time([{ testId: 'export-button' }]), unit: 'ms', goal: '≤ 10 ms', baseline: css },
    {
      name: 'role + name within a container (nav › link "Grades")',
      value: time([{ role: 'link', name: 'Grades', within: { role: 'navigation', name: 'Courses Navigation Menu' } }]),
      unit: 'ms',
      goal: '≤ 50 ms',
      baseline: css,
    },
    {
      name: 'a missing control, every kind tried (the slowest answer)',
      value: time([
        { role: 'button', name: 'Publish All' },
        { text: 'Publish All' },
        { ariaLabel: 'Publish All' },
        { css: '.publish-all' },
      ]),
      unit: 'ms',
      goal: '≤ 100 ms',
      baseline: css,
    },
    { name: 'CSS selector by id (the old way, for comparison)', value: css, unit: 'ms' },
  ];
  if (existsSync(HIGHLIGHTER)) {
    const source = readFileSync(HIGHLIGHTER);
    rows.push({
      name: 'highlighter.js, injected only when asked (gzip -9)',
      value: gzipSync(source, { level: 9 }).length / 1024,
      unit: 'KB',
      goal: '≤ 15 KB',
    });
  }
  return { title: 'Show me: finding a control (happy-dom; real pages lay out faster)', rows };
}
