import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

/** The axe-core bundle, read once from node_modules. */
function axeSource(): Promise<string> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/**
 * Runs axe-core in the page as it is now and returns the serious and critical violations.
 * Extension pages forbid inline scripts (CSP script-src 'self'), which is what addScriptTag
 * with `content` inserts; DevTools evaluation is not subject to the page's CSP, so that is the
 * fallback there.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const hasAxe = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!(await hasAxe())) {
    const content = await axeSource();
    await page.addScriptTag({ content }).catch(() => undefined);
    if (!(await hasAxe())) await page.evaluate(content);
  }
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return found.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

/** One line per finding, for an assertion message that says what to fix. */
export function describeFindings(where: string, findings: AxeFinding[]): string {
  return findings
    .map((finding) => `${where}: [${finding.impact}] ${finding.rule} (${finding.help}) at ${finding.targets.join(', ')}`)
    .join('\n');
}

interface AxeResults {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}
