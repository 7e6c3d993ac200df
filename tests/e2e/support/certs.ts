import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SelfSignedCert {
  key: string;
  cert: string;
  /** Removes the temporary folder that held the key. */
  cleanup(): Promise<void>;
}

/**
 * A throwaway self-signed certificate for the fixture hosts. No CA: the browser is started
 * with --ignore-certificate-errors, but the names are still listed so that the certificate
 * describes what it serves. HTTPS matters because Google hosts are HSTS-preloaded, and
 * because the content script only matches https:// pages, as in production.
 */
export async function makeSelfSignedCert(hosts: readonly string[]): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'coachmark-e2e-cert-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    // Wildcards such as *.instructure.com are valid certificate names as they are.
    const names = [...new Set(hosts.map((host) => host.toLowerCase()))];
    const san = ['IP:127.0.0.1', ...names.map((name) => `DNS:${name}`)].join(',');
    const config = [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      'CN = coachmark-fixtures',
      '[ext]',
      `subjectAltName = ${san}`,
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      '',
    ].join('\n');
    const configPath = join(dir, 'openssl.cnf');
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    await writeFile(configPath, config);
    await run(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-config',
        configPath,
      ],
      { timeout: 20_000 },
    );
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    return { key, cert, cleanup };
  } catch (error) {
    await cleanup();
    throw new Error(`Could not create the fixture certificate with openssl: ${String(error)}`);
  }
}
