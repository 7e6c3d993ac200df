import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { checkDatabase, type DatabaseProblem } from '@/utils/platform/db-health';

type Notice = (typeof import('./DatabaseProblemNotice'))['DatabaseProblemNotice'];

/**
 * Shows the page (panel or studio) at once, and swaps it for a plain notice with a reset if the
 * database turns out not to open: every query would fail, and the page would say "Loading…"
 * forever. After the reset the page starts again on the new database.
 */
export function DatabaseGate({ children }: { children: ComponentChildren }) {
  // The notice and its reset are fetched only when there is a problem: never on the first screen.
  const [problem, setProblem] = useState<{ found: DatabaseProblem; Notice: Notice } | null>(null);
  // A new key after a reset mounts the page afresh, so each query opens the new database.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void checkDatabase().then(async (found) => {
      if (!found) return;
      const { DatabaseProblemNotice } = await import('./DatabaseProblemNotice');
      if (live) setProblem({ found, Notice: DatabaseProblemNotice });
    });
    return () => {
      live = false;
    };
  }, [generation]);
  if (problem)
    return (
      <problem.Notice
        problem={problem.found}
        onReset={() => {
          setProblem(null);
          setGeneration((current) => current + 1);
        }}
      />
    );
  return <Fragment key={generation}>{children}</Fragment>;
}
