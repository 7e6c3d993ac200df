import { useEffect, useState } from 'preact/hooks';
import { watchComfort, type Comfort } from '@/utils/cards/comfort';

/** The teacher's comfort level with a tool; undefined while it is being read. */
export function useComfort(tool: string): Comfort | undefined {
  const [comfort, setValue] = useState<Comfort | undefined>(undefined);
  useEffect(() => watchComfort(tool, setValue), [tool]);
  return comfort;
}
