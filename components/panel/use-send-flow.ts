import { useEffect, useRef, useState } from 'preact/hooks';
import { DataConsentRefused, requestDataConsent } from '@/utils/platform/data-consent';

export type SendStep<P, R> = { kind: 'compose' } | { kind: 'preview'; payload: P } | { kind: 'sent'; payload: P; result: R };

export interface SendFlowState<P, R> {
  step: SendStep<P, R>;
  /** Why the last Send could not store the payload, as it was thrown (SendFlow puts it in words). */
  error: { cause: unknown } | null;
  /** The browser asked whether Coachmark may send data (Firefox, at the first Send) and the answer was no. */
  declined: boolean;
  /** Marks the element each step starts on (the first field, the preview heading, Close). */
  focusRef: (element: HTMLElement | null) => void;
  preview: (payload: P) => void;
  back: () => void;
  /**
   * Stores exactly the previewed payload; on success the flow says it is sent. Call it from the Send
   * click itself: it asks Firefox's data-consent question first, within the click.
   */
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
  const [declined, setDeclined] = useState(false);
  const focusTarget = useRef<HTMLElement | null>(null);
  useEffect(() => focusTarget.current?.focus(), [step.kind, focusWhen]);
  return {
    step,
    error,
    declined,
    focusRef: (element) => {
      focusTarget.current = element;
    },
    preview: (payload) => {
      setError(null);
      setDeclined(false);
      setStep({ kind: 'preview', payload });
    },
    back: () => setStep({ kind: 'compose' }),
    send: async (store) => {
      if (step.kind !== 'preview') return;
      const { payload } = step;
      // Firefox takes a permission request only while it is still handling the click: anything
      // awaited first (a storage read, another browser call) ends that, so the question comes
      // before everything else. Once allowed, Firefox answers at once without asking.
      const allowed = requestDataConsent();
      setError(null);
      setDeclined(false);
      if (!(await allowed)) {
        setDeclined(true);
        return;
      }
      let result: R;
      try {
        result = await store(payload);
      } catch (failure) {
        // Withdrawn between the answer and the store (in the add-on's settings): nothing was stored.
        if (failure instanceof DataConsentRefused) setDeclined(true);
        else setError({ cause: failure });
        return;
      }
      setStep({ kind: 'sent', payload, result });
    },
  };
}
