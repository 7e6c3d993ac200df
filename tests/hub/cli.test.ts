import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, type TestStorage } from './support/hub';

/** `npm run hub` as an operator runs it: separate processes on one data folder (or database). */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

let storage: TestStorage;
beforeAll(async () => {
  storage = await createTestStorage();
});
afterAll(() => storage?.remove());

/** This machine's environment without any HUB_* setting, plus the storage and `extra`. */
function hubEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('HUB_')));
  return {
    ...env,
    HUB_DATA_DIR: storage.dataDir,
    ...(storage.databaseUrl ? { HUB_DATABASE_URL: storage.databaseUrl } : {}),
    HUB_LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** Starts `npm run hub`'s command and resolves with its URL once it says it is listening. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the Hub did not say it was listening within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Coachmark Hub listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Hub exited (${code}) before listening:\n${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm run hub', () => {
  it('makes a coach token with `token create` that a Hub started later on the same data accepts', async () => {
    const created = await run('npm', ['run', '--silent', 'hub', '--', 'token', 'create', 'Ms. Rivera'], {
      cwd: ROOT,
      env: hubEnv(),
      timeout: 60_000,
    });
    expect(created.stdout).toMatch(/^Coach token for Ms\. Rivera \(shown once/);
    const token = /^(cmh_\S+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();

    const hub = await serve(hubEnv({ HUB_HOST: '127.0.0.1', HUB_PORT: '0' }));
    try {
      expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const coach = await fetch(`${hub.url}/v1/coach`, { headers: { Authorization: `Bearer ${token}` } });
      expect(coach.status).toBe(200);
      expect(await coach.json()).toEqual({ coach: { name: 'Ms. Rivera' } });
      const other = await fetch(`${hub.url}/v1/coach`, { headers: { Authorization: `Bearer ${token}x` } });
      expect(other.status).toBe(401);
    } finally {
      hub.child.kill('SIGTERM');
    }
    expect(await exitOf(hub.child)).toBe(0);
  });

  it('names the variable and exits 1 when a setting is wrong', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
      cwd: ROOT,
      env: hubEnv({ HUB_PORT: 'eighty' }),
      timeout: 60_000,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Coachmark Hub: HUB_PORT: must be a port number, not "eighty"'),
    });
  });
});
