import { useEffect, useState } from 'preact/hooks';
import { watchSettings, type EffectiveSettings } from '@/utils/settings/settings';

/**
 * The effective settings (the teacher's choices with the school's policy over them), kept
 * current while the component is shown; undefined until they are read.
 */
export function useSettings(): EffectiveSettings | undefined {
  const [settings, setSettings] = useState<EffectiveSettings | undefined>(undefined);
  useEffect(() => watchSettings(setSettings), []);
  return settings;
}
