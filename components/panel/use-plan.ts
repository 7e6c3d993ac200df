import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import { readPlan, type PlanData } from '@/utils/plan/store';

/** The teacher's growth plan, kept current; undefined while it is read. */
export function usePlan(): PlanData | undefined {
  return useLiveQuery(() => readPlan(db), []);
}
