// web/static/latency.js on its own (no browser): the scheduler Direct Line is given keeps RxJS's
// contract (zero-delay work at once and in order, delayed and repeated work on timers, unsubscribe
// stops it), and the store's subscribers hear of changes at the next frame, once, except for the
// send box's own changes, which they hear of at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Action {
  schedule(state?: unknown, delay?: number): Action;
  unsubscribe(): void;
}
interface Scheduler {
  now(): number;
  schedule(work: (this: Action, state: unknown) => void, delay?: number, state?: unknown): Action;
}
interface Store {
  dispatch(action: { type: string }): unknown;
  getState(): unknown;
  subscribe(listener: () => void): () => void;
}
type Middleware = (api: unknown) => (next: (a: { type: string }) => unknown) => (a: { type: string }) => unknown;
interface Latency {
  createStore(create: (initial: object, ...middlewares: Middleware[]) => Store, middleware: Middleware): Store;
  useScheduler(directLine: { services: { scheduler: unknown } }): void;
}

const source = readFileSync(join(process.cwd(), 'web', 'static', 'latency.js'), 'utf8');

/** Runs latency.js with this process's timers and hand-driven animation frames. */
function load(): { latency: Latency; frame(): void } {
  let frames: Array<() => void> = [];
  const window: { IntakeLatency?: Latency } = {};
  runInNewContext(source, {
    window,
    setTimeout,
    clearTimeout,
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    Intl,
  });
  return {
    latency: window.IntakeLatency!,
    frame() {
      const due = frames;
      frames = [];
      due.forEach((fn) => fn());
    },
  };
}

/** A minimal redux-like createStore with middlewares, as Web Chat's createStore(initialState, ...middlewares). */
function fakeCreateStore(_initial: object, ...middlewares: Middleware[]): Store {
  let state = 0;
  const listeners: Array<() => void> = [];
  const base = (action: { type: string }) => {
    state++;
    listeners.slice().forEach((l) => l());
    return action;
  };
  const api = { getState: () => state, dispatch: (a: { type: string }) => dispatch(a) };
  const dispatch = middlewares.reduceRight<(a: { type: string }) => unknown>((next, m) => m(api)(next), base);
  return {
    dispatch,
    getState: () => state,
    subscribe(listener) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
}

const passThrough: Middleware = () => (next) => (a) => next(a);

describe('the scheduler given to Direct Line', () => {
  let scheduler: Scheduler;
  beforeEach(() => {
    vi.useFakeTimers();
    const directLine = { services: { scheduler: {} as unknown } };
    load().latency.useScheduler(directLine);
    scheduler = directLine.services.scheduler as Scheduler;
  });
  afterEach(() => vi.useRealTimers());

  it('runs zero-delay work at once, and work it schedules after it, in order', () => {
    const order: string[] = [];
    scheduler.schedule(function (n) {
      order.push(`work ${n}`);
      if ((n as number) < 3) this.schedule((n as number) + 1);
      scheduler.schedule(() => order.push(`nested after ${n}`));
      order.push(`end ${n}`);
    }, 0, 1);
    expect(order).toEqual(['work 1', 'end 1', 'work 2', 'end 2', 'nested after 1', 'work 3', 'end 3', 'nested after 2', 'nested after 3']);
  });

  it('runs delayed work on a timer, repeats it when it reschedules itself, and stops when unsubscribed', () => {
    const ticks: number[] = [];
    const action = scheduler.schedule(function (n) {
      ticks.push(n as number);
      this.schedule((n as number) + 1, 1000);
    }, 1000, 0);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(3000);
    expect(ticks).toEqual([0, 1, 2]);
    action.unsubscribe();
    vi.advanceTimersByTime(5000);
    expect(ticks).toEqual([0, 1, 2]);
  });

  it('leaves a Direct Line without services as it is', () => {
    const other = {} as { services: { scheduler: unknown } };
    expect(() => load().latency.useScheduler(other)).not.toThrow();
    expect(other.services).toBeUndefined();
  });
});

describe("Web Chat's store, told of changes at the next frame", () => {
  it('tells subscribers once at the next frame, however many changes came before it', () => {
    const { latency, frame } = load();
    const store = latency.createStore(fakeCreateStore, passThrough);
    const heard: number[] = [];
    store.subscribe(() => heard.push(store.getState() as number));
    store.dispatch({ type: 'DIRECT_LINE/POST_ACTIVITY_PENDING' });
    store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY' });
    expect(heard).toEqual([]);
    frame();
    expect(heard).toEqual([2]);
    frame();
    expect(heard).toEqual([2]);
  });

  it("tells them at once of the send box's changes (a controlled input), and not again at the frame", () => {
    const { latency, frame } = load();
    const store = latency.createStore(fakeCreateStore, passThrough);
    const heard: number[] = [];
    store.subscribe(() => heard.push(store.getState() as number));
    store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY' });
    store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX' });
    expect(heard).toEqual([2]);
    frame();
    expect(heard).toEqual([2]);
  });

  it('does not tell a subscriber that has unsubscribed', () => {
    const { latency, frame } = load();
    const store = latency.createStore(fakeCreateStore, passThrough);
    const heard: string[] = [];
    const stop = store.subscribe(() => heard.push('a'));
    store.subscribe(() => heard.push('b'));
    store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY' });
    stop();
    frame();
    expect(heard).toEqual(['b']);
  });
});
