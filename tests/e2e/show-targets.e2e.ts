import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension, shouldRunBrowserTests, type ExtensionHarness } from './support/browser';
import { sendFromExtensionPage } from './support/show-me';
import { parsePack } from '../../utils/cards/pack';
import { alternativeGroup } from '../../utils/cards/language';
import { describeLocator, targetLocators, type AnyLocator } from '../../utils/show-me/locate';
import type { TargetCheck } from '../../utils/show-me/types';

/**
 * Every "show me" target of the built-in cards, resolved in real Chromium on the fixture page
 * that reproduces its tool's markup (tests/fixtures/show/<group>.json maps each card, or one
 * step of it, to its page), through the same check the studio offers coaches.
 */

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAPS = join(ROOT, 'tests/fixtures/show');

function builtInTargets() {
  const parsed = parsePack(readFileSync(join(ROOT, 'public/packs/starter.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const pages: Record<string, string> = {};
  for (const file of readdirSync(MAPS).filter((name) => name.endsWith('.json'))) {
    Object.assign(pages, JSON.parse(readFileSync(join(MAPS, file), 'utf8')) as Record<string, string>);
  }
  const byPage = new Map<string, Array<{ where: string; locators: AnyLocator[] }>>();
  const unmapped: string[] = [];
  // A translation shares its original's page; the same locators there are looked up once.
  const seen = new Set<string>();
  for (const card of parsed.pack.cards) {
    const original = alternativeGroup({ ...card, pack: parsed.pack.id });
    for (const target of card.targets ?? []) {
      const where = `${card.id} step ${target.step + 1}`;
      const url = pages[`${card.id}#${target.step}`] ?? pages[card.id] ?? pages[`${original}#${target.step}`] ?? pages[original];
      if (!url) {
        unmapped.push(where);
        continue;
      }
      const lookup = JSON.stringify([url, targetLocators(target)]);
      if (seen.has(lookup)) continue;
      seen.add(lookup);
      const list = byPage.get(url) ?? [];
      list.push({ where, locators: targetLocators(target) });
      byPage.set(url, list);
    }
  }
  return { byPage, unmapped, count: [...byPage.values()].reduce((sum, list) => sum + list.length, 0) };
}

describe.skipIf(!shouldRunBrowserTests())('show me: every built-in target resolves on its tool’s page', () => {
  const { byPage, unmapped, count } = builtInTargets();
  let h: ExtensionHarness;
  let studio: Page;

  beforeAll(async () => {
    const hosts = [...new Set([...byPage.keys()].map((url) => new URL(url).hostname))];
    h = await launchExtension({ hosts });
    studio = await h.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a fixture page for every target', () => {
    expect(unmapped).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(60);
  });

  it('finds each target visible on its page, by its first locator that matches', async () => {
    const problems: string[] = [];
    for (const [url, targets] of byPage) {
      const { page, tabId } = await h.openTab(url);
      await page.waitForLoadState('load');
      const checks = await sendFromExtensionPage<TargetCheck[] | null>(studio, 'studioChecksTargets', {
        tabId,
        targets: targets.map((target) => target.locators),
      });
      if (!checks) problems.push(`${url}: Coachmark could not run on the page`);
      checks?.forEach((check, index) => {
        const { where, locators } = targets[index]!;
        if (check.state !== 'found') problems.push(`${where} on ${url}: ${check.state} (${locators.map(describeLocator).join(' | ')})`);
      });
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
