import { useEffect, useRef, useState } from 'preact/hooks';

export type SendStep<P, R> = { kind: 'compose' } | { kind: 'preview'; payload: P } | { kind: 'sent'; payload: P; result: R };

export interface SendFlowState<P, R> {
  step: SendStep<P, R>;
  /** Why the last Send could not store the payload, as it was thrown (SendFlow puts it in words). */
  error: { cause: unknown } | null;
  /** Marks the element each step starts on (the first field, the preview heading, Close). */
  focusRef: (element: HTMLElement | null) => void;
  preview: (payload: P) => void;
  back: () => void;
  /** Stores exactly the previewed payload; on success the flow says it is sent. */
  send: (store: (payload: P) => Promise<R>) => Promise<void>;
}

/**
 * Compose → preview → sent for a payload the teacher reads before it goes. Each step starts
 * where the teacher reads next; `focusWhen` also moves the focus when it changes (the first
 * field once the form's data is in).
 */
export function useSendFlow<P, R>(focusWhen: unknown = true): SendFlowState<P, R> {
  const [step, setStep] = useState<SendStep<P, R>>({ kind: 'compose' });
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  useEffect(() => focusTarget.current?.focus(), [step.kind, focusWhen]);
  return {
    step,
    error,
    focusRef: (element) => {
      focusTarget.current = element;
    },
    preview: (payload) => {
      setError(null);
      setStep({ kind: 'preview', payload });
    },
    back: () => setStep({ kind: 'compose' }),
    send: async (store) => {
      if (step.kind !== 'preview') return;
      const { payload } = step;
      let result: R;
      try {
        result = await store(payload);
      } catch (failure) {
        setError({ cause: failure });
        return;
      }
      setStep({ kind: 'sent', payload, result });
    },
  };
}
