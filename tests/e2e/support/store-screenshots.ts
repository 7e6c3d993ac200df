import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './browser';
import { PanelPage, saveSchoolSettings } from './pages';
import { STORE_IMAGES } from './store-images';
import { parsePack } from '../../../utils/cards/pack';
import type { Pack } from '../../../utils/cards/schema';
import { localDate } from '../../../utils/plan/period';

/**
 * The store listings' pictures, made from the real extension in Chromium: the panel beside a
 * (made-up) Canvas SpeedGrader page, search, the "Ping a mentor" preview, the studio and the
 * growth plan, each 1280×800 (the Chrome Web Store's and AMO's size), and the Chrome Web Store's
 * small promo tile, 440×280. The class, students, teacher and mentor are invented.
 */

const HOSTS = ['*.instructure.com'];
const SPEEDGRADER_URL = 'https://lincoln.instructure.com/courses/7/gradebook/speed_grader?assignment_id=31&student_id=12';
const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T0LINCOLN/B0COACHMARK/store-screenshot';
const PAGE_WIDTH = 880;
const PANEL_WIDTH = 400;
const HEIGHT = 800;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Writes every picture of STORE_IMAGES into `dir`, in order; returns their paths. Needs a Chrome build (EXTENSION_DIR). */
export async function writeStoreImages(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // The webhook's origin is granted as if the coach had allowed it when saving Settings.
  const h = await launchExtension({ hosts: HOSTS, grantHosts: ['https://hooks.slack.com/*'] });
  const written: string[] = [];
  const save = async (file: string, png: Buffer) => {
    if (!STORE_IMAGES.some((image) => image.file === file)) throw new Error(`${file} is not one of STORE_IMAGES`);
    const path = join(dir, file);
    await writeFile(path, png);
    written.push(path);
  };
  try {
    // Run from the npm script, tsx compiles with esbuild's keepNames, which wraps functions in
    // __name(); functions handed to page.evaluate need it in the page too.
    await h.context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await h.waitForStarterPack();
    await h.installPack(SCHOOL_PACK);
    await configureSchool(h);
    const { page: toolPage, tabId } = await h.openTab(SPEEDGRADER_URL);
    await toolPage.setViewportSize({ width: PAGE_WIDTH, height: HEIGHT });
    await h.waitForDetection(tabId, { tool: 'canvas', context: 'speedgrader' });
    const pageShot = await toolPage.screenshot({ animations: 'disabled' });
    const besidePage = async (panel: Page) => composeSideBySide(h, pageShot, await shoot(panel));

    const panel = await openPanel(h, tabId);
    const cards = new PanelPage(panel);
    const [first] = await cards.pageCardTitles();
    await cards.openCard(first!);
    await save('panel-speedgrader-1280x800.png', await besidePage(panel));

    await cards.card(first!).locator('.card__toggle').click();
    const search = panel.getByRole('searchbox', { name: 'Search cards' });
    await search.click();
    await search.pressSequentially('rubrik', { delay: 20 });
    await panel.locator('#search-results[data-query="rubrik"] section').first().waitFor();
    await save('search-1280x800.png', await besidePage(panel));
    await panel.close();

    const pingPanel = await openPanel(h, tabId);
    await pingPanel.getByRole('button', { name: 'Ping a mentor', exact: true }).click();
    const form = pingPanel.getByRole('region', { name: 'Ask a mentor for help' });
    await form.getByRole('textbox', { name: 'What do you need?' }).fill('How do I hide grades until the whole class is graded?');
    await form.getByRole('radio', { name: 'Today' }).check();
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.getByTestId('ping-preview-body').waitFor({ state: 'attached' });
    await save('ping-preview-1280x800.png', await besidePage(pingPanel));
    await pingPanel.close();

    const planPanel = await openPanel(h, tabId);
    await fillPlan(planPanel);
    await save('growth-plan-1280x800.png', await besidePage(planPanel));
    await planPanel.close();

    await save('studio-1280x800.png', await studioShot(h));
    await save('promo-small-440x280.png', await promoTile(h));
  } finally {
    await h.close();
  }
  return written;
}

/** A coach's pack, as a school would write one: its cards come first on their pages. */
const SCHOOL_PACK: Pack = (() => {
  const parsed = parsePack({
    schemaVersion: 1,
    id: 'lincoln-middle',
    name: 'Lincoln Middle School',
    version: '1.0.0',
    cards: [
      {
        id: 'lincoln-lab-rubric',
        title: 'Score a lab with the science lab rubric',
        summary: 'Every Life Science class grades labs with the same 20-point rubric, so scores mean the same thing in every room.',
        steps: [
          'On the assignment page, choose **+ Rubric**, then **Find a Rubric** and pick **Lincoln Science Lab (20 pts)**.',
          'Tick **Use this rubric for assignment grading**, so the rubric total becomes the grade.',
          'In **SpeedGrader**, open **View Rubric**, click a rating in each row and **Save**.',
          'In the comment box, write one *glow* and one *grow*, as the science team agreed.',
        ],
        tools: ['canvas'],
        contexts: ['speedgrader'],
        tags: ['rubric', 'lab', 'science', 'grade', 'mark'],
        level: 'beginner',
        links: [{ title: 'The science lab rubric, explained', url: 'https://lincoln-ms.example.org/science/lab-rubric', kind: 'article' }],
      },
      {
        id: 'lincoln-late-work',
        title: 'Mark late work the Lincoln way',
        summary: 'Late labs lose no points before the unit test; flag them so families see them in the parent app.',
        steps: ['In the **Gradebook**, open the cell’s menu and choose **Late**.', 'Leave the score as it is.'],
        tools: ['canvas'],
        contexts: ['gradebook'],
        tags: ['late', 'missing', 'policy'],
        level: 'beginner',
        links: [],
      },
      {
        id: 'lincoln-weekly-agenda',
        title: 'Post the weekly agenda in Classroom',
        summary: 'Families read the same agenda post in every class on Monday morning.',
        steps: [
          'In **Classwork**, choose **+ Create** and **Material**.',
          'Paste the week from the team template and choose **Schedule** for Monday, 7:30 am.',
        ],
        tools: ['google-classroom'],
        contexts: ['classwork'],
        tags: ['agenda', 'families', 'schedule'],
        level: 'beginner',
        links: [],
      },
      {
        id: 'lincoln-seesaw-portfolio',
        title: 'Add a lab photo to a student’s journal',
        summary: 'Photos of lab work go to the student’s Seesaw journal, tagged with the unit.',
        steps: ['Choose **Add** and **Photo**, take the picture, then tag the student and the unit folder.'],
        tools: ['seesaw'],
        contexts: [],
        tags: ['photo', 'journal', 'portfolio'],
        level: 'beginner',
        links: [],
      },
    ],
  });
  if (!parsed.ok) throw new Error(`the store screenshots' school pack is invalid: ${parsed.errors.join('; ')}`);
  return parsed.pack;
})();

/** The school's chat, a teacher and a Canvas mentor, entered in the studio as a coach would. */
async function configureSchool(h: ExtensionHarness): Promise<void> {
  const studio = await h.openExtensionPage('options.html#settings');
  await saveSchoolSettings(studio, { url: SLACK_WEBHOOK, format: 'slack', name: 'Ms. Rivera', school: 'Lincoln Middle School' });

  await studio.getByRole('tab', { name: 'Mentors' }).click();
  await studio.getByRole('button', { name: 'Add a mentor' }).click();
  await studio.getByRole('textbox', { name: 'Name' }).fill('Ben Okafor');
  await studio.getByRole('textbox', { name: 'Slack member ID' }).fill('U04BOKAFOR');
  await studio.getByRole('checkbox', { name: 'Canvas', exact: true }).check();
  await studio.getByRole('button', { name: 'Save mentor' }).click();
  await studio.getByRole('row', { name: /Ben Okafor/ }).waitFor();
  await studio.close();
}

async function openPanel(h: ExtensionHarness, tabId: number): Promise<Page> {
  const panel = await h.openPanel(tabId, { width: PANEL_WIDTH, height: HEIGHT });
  await panel.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await new PanelPage(panel).waitForTitle('Canvas › SpeedGrader');
  await panel.locator('[data-testid=page-cards] article.card').first().waitFor();
  return panel;
}

/** A goal with progress, a meeting date and a saved card linked to it, as a teacher would set them up. */
async function fillPlan(panel: Page): Promise<void> {
  const title = 'Leave written, audio or video feedback in SpeedGrader';
  const card = panel.locator('[data-testid=page-cards] article.card').filter({ hasText: title });
  await card.locator('.card__toggle').click();
  await card.getByRole('button', { name: `Save for my coaching conversation: “${title}”` }).click();
  const form = card.getByRole('form', { name: `Save “${title}” for your coaching conversation` });
  await form.getByRole('textbox', { name: 'Note for your coach (optional)' }).fill('Try audio comments with Period 3 first.');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await card.getByTestId('saved-for-coaching').waitFor();

  await panel.getByRole('button', { name: 'My plan' }).click();
  const plan = panel.getByRole('region', { name: 'My coaching plan' });
  await plan.getByLabel('Next coaching meeting').fill(localDate(Date.now() + 9 * DAY_MS));
  const goal = 'Give every lab report feedback within a week';
  await plan.getByRole('textbox', { name: 'Your goal' }).fill(goal);
  await plan.getByRole('button', { name: 'Add goal' }).click();
  await plan.getByTestId('goal').waitFor();
  await plan.getByRole('combobox', { name: `Goal for “${title}”` }).selectOption({ label: goal });
  await plan.getByRole('combobox', { name: `Progress on “${goal}”` }).selectOption({ label: 'Trying it' });
  await plan
    .getByRole('list', { name: `Saved for “${goal}”` })
    .getByText(title)
    .waitFor();
  await panel.evaluate(() => window.scrollTo(0, 0));
}

async function studioShot(h: ExtensionHarness): Promise<Buffer> {
  const studio = await h.openExtensionPage('options.html#cards');
  await studio.setViewportSize({ width: 1280, height: HEIGHT });
  await studio.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const [card] = SCHOOL_PACK.cards;
  await studio.getByRole('button', { name: `Edit ${card!.title}`, exact: true }).click();
  await studio.getByRole('heading', { name: 'Edit card' }).waitFor();
  return shoot(studio);
}

async function shoot(page: Page): Promise<Buffer> {
  // No focus ring or caret from the last click in the picture.
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  return page.screenshot({ animations: 'disabled', caret: 'hide' });
}

/** The page and the panel side by side, as the browser shows them, in one 1280×800 picture. */
async function composeSideBySide(h: ExtensionHarness, pagePng: Buffer, panelPng: Buffer): Promise<Buffer> {
  const page = await h.context.newPage();
  try {
    await page.setViewportSize({ width: PAGE_WIDTH + PANEL_WIDTH, height: HEIGHT });
    const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;display:flex;background:#fff}img{display:block;height:${HEIGHT}px}` +
        `.panel{box-shadow:-1px 0 0 #c7cdd1}</style>` +
        `<img src="${src(pagePng)}" width="${PAGE_WIDTH}" alt=""><img class="panel" src="${src(panelPng)}" width="${PANEL_WIDTH}" alt="">`,
    );
    await page.locator('img').evaluateAll((images) => Promise.all((images as HTMLImageElement[]).map((image) => image.decode())));
    return await page.screenshot({ clip: { x: 0, y: 0, width: PAGE_WIDTH + PANEL_WIDTH, height: HEIGHT } });
  } finally {
    await page.close();
  }
}

/** The extension's icon, name and summary (as the built extension has them). */
async function promoTile(h: ExtensionHarness): Promise<Buffer> {
  const icon = await readFile(join(h.extensionDir, 'icon/128.png'));
  const messages = JSON.parse(await readFile(join(h.extensionDir, '_locales/en/messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  const page = await h.context.newPage();
  try {
    await page.setViewportSize({ width: 440, height: 280 });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;height:100%}body{display:flex;align-items:center;gap:22px;padding:0 30px;` +
        `background:#eef4fc;color:#273540;font:16px/1.35 system-ui,sans-serif}h1{margin:0 0 8px;font-size:34px;color:#1f5fbf}p{margin:0;font-size:17px}</style>` +
        `<img src="data:image/png;base64,${icon.toString('base64')}" width="112" height="112" alt="">` +
        `<div><h1>${messages.extName!.message}</h1><p>${messages.extDescription!.message}</p></div>`,
    );
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    return await page.screenshot({ clip: { x: 0, y: 0, width: 440, height: 280 } });
  } finally {
    await page.close();
  }
}
