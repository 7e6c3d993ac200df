/**
 * One run at a time. An alarm, a settings change and a click often arrive together; without a
 * guard each would start its own sync or delivery, fetch the same file twice and race to write
 * the same records.
 */

export interface KeyedSingleFlight<K, T> {
  /** Runs `task`, or returns the run under way for this key: calls made meanwhile share it. */
  run(key: K, task: () => Promise<T>): Promise<T>;
  /** The run under way for this key, if any. */
  current(key: K): Promise<T> | undefined;
}

/** One run per key at a time; the first call after a run settles starts a new one. */
export function keyedSingleFlight<K, T>(): KeyedSingleFlight<K, T> {
  const running = new Map<K, Promise<T>>();
  return {
    run(key, task) {
      const existing = running.get(key);
      if (existing) return existing;
      const promise = start(task).finally(() => {
        if (running.get(key) === promise) running.delete(key);
      });
      running.set(key, promise);
      return promise;
    },
    current: (key) => running.get(key),
  };
}

export interface RerunningFlight<T> {
  /**
   * Runs the task now when idle. During a run, returns one fresh run after it, shared by every
   * call made meanwhile: what changed while the first run was reading is not missed.
   */
  run(): Promise<T>;
  /** The run under way, if any (not the one waiting after it). */
  readonly current: Promise<T> | undefined;
}

/** One run of `task` at a time, and never a request lost to one under way. */
export function rerunningFlight<T>(task: () => Promise<T>): RerunningFlight<T> {
  let current: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const begin = () => {
    const promise = start(task).finally(() => {
      if (current === promise) current = undefined;
    });
    current = promise;
    return promise;
  };
  return {
    run() {
      if (queued) return queued;
      if (!current) return begin();
      const next = current
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return begin();
        });
      queued = next;
      return next;
    },
    get current() {
      return current;
    },
  };
}

export interface SerialQueue<K> {
  /** Runs `task` after every task queued before it under the same key has settled. */
  run<T>(key: K, task: () => Promise<T>): Promise<T>;
}

/**
 * Tasks under one key run one after another, in the order they were queued. For read-then-write
 * updates of one record that several events touch at once: without it, a slow first write can
 * land after a later one and undo it.
 */
export function serialQueue<K = string>(): SerialQueue<K> {
  const tails = new Map<K, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(
        () => start(task),
        () => start(task),
      );
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
  };
}

/** A task that throws before its first await still gives a rejected promise, not a throw. */
function start<T>(task: () => Promise<T>): Promise<T> {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error);
  }
}
