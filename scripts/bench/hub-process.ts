import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../pg-cluster';

/**
 * A Hub as its own process (`node --import tsx hub/main.ts`), as a school runs it: settings in
 * HUB_* variables, ready when it prints its "listening" line. The load and crash tests need
 * separate processes: a SIGKILL has to take the whole Hub down, and two Hubs on one PostgreSQL
 * share nothing but the database.
 */

const ROOT = path.join(import.meta.dirname, '../..');
const READY = /Coachmark Hub listening on (http:\/\/\S+)/;

export interface HubProcess {
  url: string;
  port: number;
  /** SIGTERM, then wait for the exit (the Hub finishes the requests in flight): its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no cleanup of any kind, as when the machine loses power or the OOM killer steps in. */
  kill(): Promise<void>;
  /** stderr and the last lines of stdout, for a failure message. */
  output(): string;
  /** CPU time the process has used so far, in ms (Linux /proc); NaN where that cannot be read. */
  cpuMs(): number;
}

export interface HubProcessOptions {
  port?: number;
  /** HUB_* settings (HUB_PORT and HUB_HOST are set here). */
  env: Record<string, string>;
  /** How long the start (opening and migrating the database) may take. */
  startTimeoutMs?: number;
}

export async function startHubProcess(options: HubProcessOptions): Promise<HubProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HUB_HOST: '127.0.0.1', HUB_PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  let tail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8_000)));
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(
      () => fail(new Error(`the Hub did not start within ${options.startTimeoutMs ?? 120_000} ms`)),
      options.startTimeoutMs ?? 120_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr}${tail.join('\n')}`));
    };
    // Every stored event is a log line: keep reading so the pipe never fills and stalls the Hub.
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      tail = [...tail, ...lines].slice(-20);
      const ready = lines.map((line) => READY.exec(line)).find(Boolean);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    void exited.then((code) => fail(new Error(`the Hub exited with code ${code} before it was ready`)));
  });
  return {
    url,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // Bounded: a Hub that does not finish within 30 s is killed (and the caller sees null).
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    output: () => `${stderr}${tail.join('\n')}`,
    cpuMs: () => processCpuMs(child.pid),
  };
}

/** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
