import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../hub/database';
import { testDatabase } from './database-choice';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database folder, freshly created and migrated, that each test file copies. */
    pgliteTemplate: string;
  }
}

/**
 * A new embedded database takes seconds to create (initdb in WebAssembly); opening a copy of
 * one takes about a second. So the first open, with the migrations, happens once per run,
 * here, and every test file starts from its own copy of the result.
 */
export default async function setup(project: TestProject) {
  if (testDatabase() === 'postgres') {
    if (!process.env.HUB_TEST_DATABASE_URL) {
      throw new Error(
        'HUB_TEST_DATABASE=postgres needs HUB_TEST_DATABASE_URL (npm run test:hub starts a throwaway PostgreSQL and sets it)',
      );
    }
    return;
  }
  const template = mkdtempSync(path.join(tmpdir(), 'coachmark-hub-template-'));
  const database = await openDatabase({ dataDir: template });
  await database.close();
  project.provide('pgliteTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
