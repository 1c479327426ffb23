/**
 * The offline worker's registration (src/lib/offline/registration.ts), run
 * as the page script runs it: its text in a context with a stand-in
 * document, window, service worker container and performance observer, on
 * fake timers. The browser tests (tests/browser/phone.test.ts,
 * reader.test.ts) check the real worker is active after one visit.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SCRIPT } from '../../src/layouts/page-script.ts';
import { OFFLINE_QUIET_MS, SERVICE_WORKER_REGISTRATION } from '../../src/lib/offline/registration.ts';

interface Page {
  /** Each call to `navigator.serviceWorker.register`: address and scope. */
  registered: [string, string][];
  /** Fires the window's `load`. */
  load(): void;
  /** A fetch finished (a resource timing entry). */
  fetched(): void;
  /** The reader typed in a field. */
  typed(): void;
}

function runRegistration(options: { src: string; languageRoot?: string; readyState?: string; serviceWorker?: boolean }): Page {
  const listeners = new Map<string, Set<() => void>>();
  const observers: (() => void)[] = [];
  const registered: [string, string][] = [];
  const navigator =
    options.serviceWorker === false
      ? {}
      : { serviceWorker: { register: (url: string, o: { scope: string }) => (registered.push([url, o.scope]), Promise.resolve()) } };
  const context = {
    document: {
      currentScript: { src: options.src },
      readyState: options.readyState ?? 'interactive',
      documentElement: { dataset: options.languageRoot ? { languageRoot: options.languageRoot } : {} },
    },
    navigator,
    URL,
    setTimeout,
    clearTimeout,
    addEventListener: (type: string, listener: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
    PerformanceObserver: class {
      private active = false;
      constructor(callback: () => void) {
        observers.push(() => this.active && callback());
      }
      observe() {
        this.active = true;
      }
      disconnect() {
        this.active = false;
      }
    },
  };
  (context as Record<string, unknown>).window = context;
  runInNewContext(SERVICE_WORKER_REGISTRATION, context);
  const fire = (type: string) => [...(listeners.get(type) ?? [])].forEach((listener) => listener());
  return { registered, load: () => fire('load'), fetched: () => observers.forEach((o) => o()), typed: () => fire('input') };
}

describe('the offline worker registration', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is part of the page script every built page loads', () => {
    expect(PAGE_SCRIPT).toContain(SERVICE_WORKER_REGISTRATION);
  });

  it('registers the worker at the base, read off the page script’s own address, once the loaded page has been quiet', () => {
    const page = runRegistration({ src: 'https://intranet.example/playbook/_latitude/page.js?v=0123456789' });
    vi.advanceTimersByTime(10 * OFFLINE_QUIET_MS);
    expect(page.registered).toEqual([]); // not before `load`
    page.load();
    vi.advanceTimersByTime(OFFLINE_QUIET_MS - 1);
    expect(page.registered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(page.registered).toEqual([['/playbook/sw.js', '/playbook/']]);
    vi.advanceTimersByTime(10 * OFFLINE_QUIET_MS);
    expect(page.registered).toHaveLength(1);
  });

  it('waits while the page fetches (a first search) or the reader types, and then registers once', () => {
    const page = runRegistration({ src: 'http://localhost:4321/_latitude/page.js?v=0123456789' });
    page.load();
    for (let step = 0; step < 5; step++) {
      vi.advanceTimersByTime(OFFLINE_QUIET_MS - 100);
      if (step % 2) page.fetched();
      else page.typed();
    }
    expect(page.registered).toEqual([]);
    vi.advanceTimersByTime(OFFLINE_QUIET_MS);
    expect(page.registered).toEqual([['/sw.js', '/']]);
    // After registering it no longer listens: nothing more is registered.
    page.fetched();
    page.typed();
    vi.advanceTimersByTime(10 * OFFLINE_QUIET_MS);
    expect(page.registered).toHaveLength(1);
  });

  it("registers a translated page's own worker, scoped to its language", () => {
    const page = runRegistration({ src: 'https://intranet.example/playbook/_latitude/page.js?v=1', languageRoot: '/playbook/fr-ca/', readyState: 'complete' });
    // Loaded already when the script ran: it starts counting at once.
    vi.advanceTimersByTime(OFFLINE_QUIET_MS);
    expect(page.registered).toEqual([['/playbook/fr-ca/sw.js', '/playbook/fr-ca/']]);
  });

  it('does nothing in a browser without service workers', () => {
    const page = runRegistration({ src: 'https://intranet.example/_latitude/page.js', serviceWorker: false });
    page.load();
    vi.advanceTimersByTime(10 * OFFLINE_QUIET_MS);
    expect(page.registered).toEqual([]);
  });
});
