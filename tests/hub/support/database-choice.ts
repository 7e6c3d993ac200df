/** Which database the Hub's suite runs on: HUB_TEST_DATABASE=pglite (the default) or postgres. */
export type TestDatabase = 'pglite' | 'postgres';

export function testDatabase(env: NodeJS.ProcessEnv = process.env): TestDatabase {
  const choice = env.HUB_TEST_DATABASE || 'pglite';
  if (choice !== 'pglite' && choice !== 'postgres') throw new Error(`HUB_TEST_DATABASE: must be pglite or postgres, not "${choice}"`);
  return choice;
}
