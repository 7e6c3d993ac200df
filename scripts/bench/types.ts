/** One section of the benchmark report (scripts/bench.ts prints one table per section). */
export interface BenchSection {
  title: string;
  rows: Array<{
    name: string;
    value: number;
    unit: string;
    /** The target, as people read it, for example "≤ 10 ms". */
    goal?: string;
    /** The same figure for the approach being compared against, in the same unit. */
    baseline?: number;
  }>;
}
