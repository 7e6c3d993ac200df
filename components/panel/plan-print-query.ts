/**
 * The panel's page shows the printable plan instead of the panel when opened with this query:
 * one page for both, so the panel's first screen keeps its chunks (a page of its own would be
 * another entry point, and would split the modules they share into more files to load).
 */
export const PLAN_PRINT_QUERY = 'view=plan-print';
