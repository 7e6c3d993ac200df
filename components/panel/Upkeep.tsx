import { useGapUpkeep } from './use-gap-upkeep';

/** Keeps the teacher's flags current while the panel is open (loaded after the first screen). */
export function Upkeep() {
  useGapUpkeep();
  return null;
}
