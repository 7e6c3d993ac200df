import { defineConfig } from 'vitest/config';

/**
 * The Hub's suite: Node, real HTTP on 127.0.0.1, a real database. `npm run test:hub` runs it
 * twice, on the embedded database and on PostgreSQL (HUB_TEST_DATABASE, tests/hub/support/hub.ts).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/hub/**/*.test.ts'],
    globalSetup: ['./tests/hub/support/global-setup.ts'],
    // Starting a Hub opens a database, and the CLI tests start processes: slower than unit tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
