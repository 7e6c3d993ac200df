// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keyedSingleFlight, rerunningFlight, serialQueue } from '../../../utils/platform/single-flight';

/** A task the test finishes by hand, counting how often it started and how many ran at once. */
function gatedTask<T>(value: (run: number) => T) {
  const state = { starts: 0, active: 0, maxActive: 0, release: [] as Array<() => void> };
  const task = () => {
    const run = ++state.starts;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    return new Promise<T>((resolve) => {
      state.release.push(() => {
        state.active--;
        resolve(value(run));
      });
    });
  };
  const releaseNext = async () => {
    state.release.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { state, task, releaseNext };
}

describe('keyedSingleFlight', () => {
  it('shares the run under way, and starts a new one once it settled', async () => {
    const flight = keyedSingleFlight<string, number>();
    const { state, task, releaseNext } = gatedTask((run) => run);
    const first = flight.run('*', task);
    const second = flight.run('*', task);
    expect(second).toBe(first);
    expect(flight.current('*')).toBe(first);
    await releaseNext();
    expect(await first).toBe(1);
    expect(flight.current('*')).toBeUndefined();
    const third = flight.run('*', task);
    await releaseNext();
    expect(await third).toBe(2);
    expect(state.maxActive).toBe(1);
  });

  it('forgets a failed run, so the next call tries again', async () => {
    const flight = keyedSingleFlight<string, string>();
    await expect(flight.run('*', async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    await expect(flight.run('*', async () => 'ok')).resolves.toBe('ok');
  });

  it('turns a task that throws at once into a rejection', async () => {
    const flight = keyedSingleFlight<string, string>();
    const throwing = (): Promise<string> => {
      throw new Error('no settings');
    };
    await expect(flight.run('*', throwing)).rejects.toThrow('no settings');
    expect(flight.current('*')).toBeUndefined();
  });

  it('runs each key on its own, one run per key at a time', async () => {
    const flight = keyedSingleFlight<string, string>();
    const a = gatedTask(() => 'a');
    const b = gatedTask(() => 'b');
    const runA = flight.run('https://a.example/pack.json', a.task);
    const runB = flight.run('https://b.example/pack.json', b.task);
    expect(flight.run('https://a.example/pack.json', a.task)).toBe(runA);
    expect(flight.current('https://b.example/pack.json')).toBe(runB);
    expect(flight.current('https://c.example/pack.json')).toBeUndefined();
    await a.releaseNext();
    await b.releaseNext();
    expect(await Promise.all([runA, runB])).toEqual(['a', 'b']);
    expect([a.state.starts, b.state.starts]).toEqual([1, 1]);
    expect(flight.current('https://a.example/pack.json')).toBeUndefined();
  });
});

describe('rerunningFlight', () => {
  it('gives every call during a run one shared fresh run after it', async () => {
    const { state, task, releaseNext } = gatedTask((run) => run);
    const flight = rerunningFlight(task);
    const first = flight.run();
    const during = Array.from({ length: 5 }, () => flight.run());
    expect(new Set(during).size).toBe(1);
    expect(during[0]).not.toBe(first);
    await releaseNext();
    expect(await first).toBe(1);
    expect(state.starts).toBe(2);
    await releaseNext();
    expect(await Promise.all(during)).toEqual([2, 2, 2, 2, 2]);
    expect(state.maxActive).toBe(1);
    expect(flight.current).toBeUndefined();
  });

  it('runs again after a failed run, and at once when idle', async () => {
    let calls = 0;
    const flight = rerunningFlight(async () => {
      calls++;
      if (calls === 1) throw new Error('network');
      return calls;
    });
    const failing = flight.run();
    const after = flight.run();
    await expect(failing).rejects.toThrow('network');
    await expect(after).resolves.toBe(2);
    await expect(flight.run()).resolves.toBe(3);
  });
});

describe('serialQueue', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('runs the tasks of one key one after another, in the order they were queued', async () => {
    const queue = serialQueue<number>();
    const writes: string[] = [];
    let releaseSlow!: () => void;
    // A slow read-then-write queued first must not land after the fast write queued second.
    const first = queue.run(1, async () => {
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      writes.push('url change');
    });
    const second = queue.run(1, async () => {
      writes.push('content report');
    });
    await tick();
    expect(writes).toEqual([]);
    releaseSlow();
    await Promise.all([first, second]);
    expect(writes).toEqual(['url change', 'content report']);
  });

  it('keeps going after a task fails, and passes each task its own result or error', async () => {
    const queue = serialQueue<string>();
    const failed = queue.run('a', async () => {
      throw new Error('first failed');
    });
    const next = queue.run('a', async () => 'second ran');
    await expect(failed).rejects.toThrow('first failed');
    await expect(next).resolves.toBe('second ran');
  });

  it('does not hold one key back for another', async () => {
    const queue = serialQueue<string>();
    const order: string[] = [];
    let release!: () => void;
    const blocked = queue.run('tab 1', () => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('tab 1')));
    await queue.run('tab 2', async () => void order.push('tab 2'));
    expect(order).toEqual(['tab 2']);
    release();
    await blocked;
    expect(order).toEqual(['tab 2', 'tab 1']);
  });
});
