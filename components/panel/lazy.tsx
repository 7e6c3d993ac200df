import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/platform/i18n';

/**
 * A component whose code is fetched on first render (its own chunk), so what the panel's first
 * screen doesn't show stays out of its first load. Shows `fallback` until the code is in; after
 * that it renders synchronously.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => JSX.Element | null = () => null,
): ComponentType<P> & { preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      preload().then(
        (next) => live && setComponent(() => next),
        (error: unknown) => console.error('Coachmark: could not load part of the panel', error),
      );
      return () => {
        live = false;
      };
    }, [component]);
    const Component = component;
    return Component ? <Component {...props} /> : fallback();
  }
  return Object.assign(Lazy, { preload });
}

/** What a lazy form shows while its code loads. */
export const loadingStatus = () => <p class="status">{t('loading')}</p>;

/** The flag form, in its own chunk: the panel's bar, a card's feedback menu and an out-of-date step open it. */
export const LazyFlagForm = lazyComponent(() => import('./FlagForm').then((m) => m.FlagForm), loadingStatus);
