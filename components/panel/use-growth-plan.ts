import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from '../hooks/use-live-query';
import { db } from '@/utils/platform/db';
import type { GrowthPlanPayload } from '@/utils/endpoints/types';
import { getComfortMap, type Comfort } from '@/utils/cards/comfort';
import { buildGrowthPlan } from '@/utils/plan/build';
import type { Settings } from '@/utils/settings/settings';
import { isPing } from '@/utils/outbox/pings';
import { usePlan } from './use-plan';

/**
 * The teacher's plan as the growth-plan payload, kept current as the plan changes: one id for
 * the life of the screen, so a preview and its Send are the same payload. Undefined while read.
 */
export function useGrowthPlan(settings: Pick<Settings, 'teacherName' | 'schoolName'> | undefined): GrowthPlanPayload | undefined {
  const plan = usePlan();
  const pings = useLiveQuery(() => db.outbox.toArray().then((items) => items.filter(isPing)), []);
  const [comfort, setComfort] = useState<Record<string, Comfort> | undefined>(undefined);
  useEffect(() => {
    getComfortMap()
      .then(setComfort)
      .catch(() => setComfort({}));
  }, []);
  const [id] = useState(() => crypto.randomUUID());
  return useMemo(
    () => (settings && plan && pings && comfort ? buildGrowthPlan({ plan, pings, comfort, settings, id, now: Date.now() }) : undefined),
    [plan, pings, comfort, settings?.teacherName, settings?.schoolName, id],
  );
}
