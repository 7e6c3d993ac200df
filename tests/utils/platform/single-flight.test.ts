// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keyedSingleFlight, rerunningFlight } from '../../../utils/platform/single-flight';

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
