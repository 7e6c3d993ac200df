import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, constants, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Chromium on Linux reads machine policy from JSON files in this folder (Google Chrome reads
 * /etc/opt/chrome/policies/managed). It watches the folder, so a file written while the browser
 * runs takes effect within seconds and fires storage.onChanged('managed') in the extension.
 */
export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 over its absolute
 * path, each hex digit written as a letter a–p. (A packed or store extension's id comes from its
 * public key instead.)
 */
export function extensionIdForPath(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** Whether this process may write machine policy (root, or a prepared folder). */
export async function canWritePolicy(): Promise<boolean> {
  try {
    await mkdir(CHROMIUM_POLICY_DIR, { recursive: true });
    await access(CHROMIUM_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const FILE_PREFIX = 'coachmark-e2e-';
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes policy files an earlier run left behind when it was killed before cleaning up. Only
 * old ones: a file from a run still going is younger than any e2e run lasts.
 */
export async function removeStalePolicies(now = Date.now()): Promise<void> {
  const names = await readdir(CHROMIUM_POLICY_DIR).catch(() => [] as string[]);
  for (const name of names.filter((file) => file.startsWith(FILE_PREFIX) && file.endsWith('.json'))) {
    const path = join(CHROMIUM_POLICY_DIR, name);
    const modified = await stat(path).then(
      (info) => info.mtimeMs,
      () => now,
    );
    if (now - modified > STALE_MS) await rm(path, { force: true });
  }
}

export interface PolicyFile {
  path: string;
  remove(): Promise<void>;
}

/**
 * Writes `3rdparty.extensions.<id>` policy for one extension only, so that other browsers on the
 * machine are unaffected. The file is also removed if the process exits without cleaning up.
 */
export async function writeExtensionPolicy(extensionId: string, values: Record<string, unknown>): Promise<PolicyFile> {
  const path = join(CHROMIUM_POLICY_DIR, `${FILE_PREFIX}${extensionId}.json`);
  const body = { '3rdparty': { extensions: { [extensionId]: values } } };
  const onExit = () => rmSync(path, { force: true });
  process.once('exit', onExit);
  await writeFile(path, `${JSON.stringify(body, null, 2)}\n`);
  return {
    path,
    remove: async () => {
      await rm(path, { force: true });
      process.off('exit', onExit);
    },
  };
}
