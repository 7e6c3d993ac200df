import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, constants, mkdir, rm, writeFile } from 'node:fs/promises';
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

export interface PolicyFile {
  path: string;
  remove(): Promise<void>;
}

/**
 * Writes `3rdparty.extensions.<id>` policy for one extension only, so that other browsers on the
 * machine are unaffected. The file is also removed if the process exits without cleaning up.
 */
export async function writeExtensionPolicy(extensionId: string, values: Record<string, unknown>): Promise<PolicyFile> {
  const path = join(CHROMIUM_POLICY_DIR, `coachmark-e2e-${extensionId}.json`);
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
