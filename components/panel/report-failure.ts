/**
 * A catch handler for a change the teacher made that could not be stored (the database is the
 * only thing that can fail here, and DatabaseGate speaks for it): logged, with what was tried.
 */
export const reportFailure =
  (what: string) =>
  (error: unknown): void =>
    console.error(`Coachmark: could not ${what}`, error);
