import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext, WxtWindowEventMap } from 'wxt/utils/content-script-context';

/**
 * The `ctx` every content script's `main(ctx)` gets: WXT's API, with a lifetime that only the
 * extension decides. wxt.config.ts puts it in place of WXT's own for content scripts.
 *
 * WXT's context announces each start to the page, with a window message and a document event
 * both named after the extension id, and stops when it hears another start under its own name:
 * so any page could read the id (and tell which tools a teacher has), or forge a start and stop
 * detection for good. This one says nothing to the page and hears nothing from it. It ends when
 * the extension runtime goes away (reloaded, updated or removed: `browser.runtime.id` is gone)
 * or when a newer copy of the same script starts in the frame; both are seen from the isolated
 * world, which the page cannot reach. In-page navigation is watched from there too.
 */

type ContextApi = Pick<WxtContentScriptContext, keyof WxtContentScriptContext>;
type LocationChange = WxtWindowEventMap['wxt:locationchange'];

/** Where a frame's running copies are kept, by script name: a global of the isolated world. */
const RUNNING_KEY = '__coachmarkContentScripts';
/** How often to look at the URL where the browser has no Navigation API. */
const LOCATION_POLL_MS = 1_000;

export class ContentScriptContext implements ContextApi {
  readonly #name: string;
  readonly #controller = new AbortController();
  /** The context's own events: a target the page has no reference to. */
  readonly #events = new EventTarget();
  #watchingLocation = false;

  constructor(
    contentScriptName: string,
    readonly options?: ContextApi['options'],
  ) {
    this.#name = contentScriptName;
    this.stopOldScripts();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionIsGone()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise<T>(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (this.isValid) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener<TType extends keyof WxtWindowEventMap>(
    target: Window,
    type: TType,
    handler: (event: WxtWindowEventMap[TType]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<TType extends keyof DocumentEventMap>(
    target: Document,
    type: TType,
    handler: (event: DocumentEventMap[TType]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<TTarget extends EventTarget>(target: TTarget, ...params: Parameters<TTarget['addEventListener']>): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    if (this.isInvalid) return;
    const listenerOptions = { ...(typeof options === 'boolean' ? { capture: options } : options), signal: this.signal };
    if (type === 'wxt:locationchange') {
      // Delivered on the context's own target: a window event would tell the page too.
      this.#watchLocation();
      this.#events.addEventListener(type, handler, listenerOptions);
      return;
    }
    if (type.startsWith('wxt:'))
      throw new Error(`ctx.addEventListener: "${type}" is not an event Coachmark's content-script context sends`);
    target.addEventListener(type, handler, listenerOptions);
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  /** A newer copy of the script in this frame (the background injected it again) replaces the older one. */
  stopOldScripts(): void {
    const running = ((globalThis as unknown as Record<string, Record<string, ContentScriptContext>>)[RUNNING_KEY] ??= {});
    running[this.#name]?.notifyInvalidated();
    running[this.#name] = this;
    this.onInvalidated(() => {
      if (running[this.#name] === this) delete running[this.#name];
    });
  }

  /** Starts are not announced to the page, so there is no announcement to check. */
  verifyScriptStartedEvent(): boolean {
    return false;
  }

  /** A newer copy stops this one directly (stopOldScripts): nothing to listen for. */
  listenForNewerScripts(): void {}

  #watchLocation(): void {
    if (this.#watchingLocation) return;
    this.#watchingLocation = true;
    let last = location.href;
    const check = () => {
      if (this.isInvalid) return;
      const now = location.href;
      if (now === last) return;
      const event = Object.assign(new Event('wxt:locationchange'), { newUrl: new URL(now), oldUrl: new URL(last) });
      last = now;
      this.#events.dispatchEvent(event as LocationChange);
    };
    // The Navigation API tells this world of every same-document navigation (pushState,
    // replaceState, back and forward, hash changes) once the URL has changed. The page can fire
    // a fake one, but the URL it leads to is read from `location`, not from the event.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('currententrychange', check, { signal: this.signal });
    } else {
      this.setInterval(check, LOCATION_POLL_MS);
      window.addEventListener('popstate', check, { signal: this.signal });
      window.addEventListener('hashchange', check, { signal: this.signal });
    }
  }
}

/** In a content script left behind by a reloaded or removed extension, the runtime has no id. */
function extensionIsGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}
