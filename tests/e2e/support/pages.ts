import type { Locator, Page } from 'playwright-core';

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The panel page (sidepanel.html?tab=ID), read the way a teacher sees it. */
export class PanelPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.locator('[data-testid=panel-title]');
  }

  async title(): Promise<string> {
    return collapse(await this.heading.textContent());
  }

  /** Waits (bounded) for the header to read `expected`; returns what it read last. */
  async waitForTitle(expected: string, timeoutMs = 10_000): Promise<string> {
    await this.page
      .waitForFunction(
        (want) => (document.querySelector('[data-testid=panel-title]')?.textContent ?? '').replace(/\s+/g, ' ').trim() === want,
        expected,
        { timeout: timeoutMs, polling: 100 },
      )
      .catch(() => {});
    return this.title();
  }

  pageCardTitles(): Promise<string[]> {
    return this.cardTitles('[data-testid=page-cards]');
  }

  /** The tool's other cards, opening their collapsed group ("More for Canvas (29)") first. */
  async toolCardTitles(): Promise<string[]> {
    await this.expandToolCards();
    return this.cardTitles('[data-testid=tool-cards]');
  }

  async expandToolCards(): Promise<void> {
    const toggle = this.page.locator('[data-testid=tool-cards] .section-toggle');
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** Card ids (data-card-id) in a section, in display order. */
  async cardIds(section: 'page' | 'tool'): Promise<string[]> {
    if (section === 'tool') await this.expandToolCards();
    const cards = this.page.locator(`[data-testid=${section}-cards] article.card`);
    const ids: string[] = [];
    for (const card of await cards.all()) ids.push((await card.getAttribute('data-card-id')) ?? '');
    return ids;
  }

  card(title: string): Locator {
    return this.page.locator('article.card').filter({ has: this.page.locator('.card__toggle > span:first-child', { hasText: title }) });
  }

  /** Expands a card by its title and waits for its steps. */
  async openCard(title: string): Promise<Locator> {
    const card = this.card(title).first();
    const toggle = card.locator('.card__toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await card.locator('.card__steps').waitFor();
    return card;
  }

  /** Chooses `item` (its accessible name) from an open card's Feedback menu. */
  async chooseFeedback(card: Locator, item: string | RegExp): Promise<void> {
    const toggle = card.locator('.card-feedback__toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await card.getByRole('button', { name: item, exact: typeof item === 'string' }).click();
  }

  /** Opens "Your requests" from the header (it is there once the teacher has sent anything). */
  async openRequests(): Promise<Locator> {
    const button = this.page.locator('#requests-button');
    await button.waitFor({ timeout: 10_000 });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const region = this.page.getByTestId('requests');
    await region.waitFor();
    return region;
  }

  /** The unknown-page state, if shown: its heading and the tool names it lists. */
  async unknownPage(): Promise<{ heading: string; tools: string[] } | null> {
    const section = this.page.locator('section.unknown');
    if ((await section.count()) === 0) return null;
    return {
      heading: collapse(await section.locator('h2').first().textContent()),
      tools: (await section.locator('.tool-names li').allTextContents()).map(collapse),
    };
  }

  async screenshot(path: string): Promise<Buffer> {
    return this.page.screenshot({ path, fullPage: false, animations: 'disabled' });
  }

  private async cardTitles(section: string): Promise<string[]> {
    const titles = await this.page.locator(`${section} article.card .card__toggle > span:first-child`).allTextContents();
    return titles.map(collapse);
  }
}

/** Fills the studio's Settings tab (options.html#settings) as a coach would, saves, and waits for "Saved.". */
export async function saveSchoolSettings(
  studio: Page,
  settings: { url: string; format: string; secret?: string; name?: string; school?: string },
): Promise<void> {
  await studio.getByRole('textbox', { name: 'Endpoint URL' }).fill(settings.url);
  await studio.getByRole('combobox', { name: 'Format' }).selectOption(settings.format);
  if (settings.secret !== undefined) await studio.getByLabel('Shared secret (optional)').fill(settings.secret);
  if (settings.name !== undefined) await studio.getByRole('textbox', { name: 'Your name' }).fill(settings.name);
  if (settings.school !== undefined) await studio.getByRole('textbox', { name: 'School' }).fill(settings.school);
  await studio.getByRole('button', { name: 'Save', exact: true }).click();
  await studio.getByText('Saved.', { exact: true }).waitFor({ timeout: 5_000 });
}
