import { useState } from 'preact/hooks';

export interface Undo<T> {
  /** What the last action took away, while it can still be put back. */
  offered: T | null;
  /** The last Undo could not put it back. */
  failed: boolean;
  /** The action is done: offer to put `value` back. */
  offer: (value: T) => void;
  /** Puts the offered value back and withdraws the offer. */
  undo: () => Promise<void>;
  /** Withdraws the offer; what was done stays done. */
  dismiss: () => void;
}

/**
 * "Done. Undo": the action happens at once and the component offers to reverse it for a
 * while. `restore` puts a value back and returns false when it could not. A restore that
 * answers at once withdraws the offer in the same render as its own changes.
 */
export function useUndo<T>(restore: (value: T) => Promise<boolean | void> | boolean | void): Undo<T> {
  const [offered, setOffered] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  return {
    offered,
    failed,
    offer: (value) => {
      setFailed(false);
      setOffered(() => value);
    },
    undo: async () => {
      if (offered === null) return;
      const outcome = restore(offered);
      const restored = outcome instanceof Promise ? await outcome : outcome;
      setOffered(null);
      setFailed(restored === false);
    },
    dismiss: () => setOffered(null),
  };
}
