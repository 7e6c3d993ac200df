import { defineConfig } from 'vitest/config';

// Real Firefox ESR with the Firefox build installed as a temporary add-on. One browser for the file.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
