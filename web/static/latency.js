/*
 * Keeps Web Chat's own work off the path between a patient's tap and the bot's next question.
 *
 * - Web Chat's store tells React of every change inside the dispatch, and React 16 (in Web Chat's
 *   bundle) renders the whole transcript there and then. An answer's POST waited for the render of the
 *   patient's own bubble (70–140 ms on a phone-sized page), because the dispatch that adds the bubble
 *   comes first. Here the store's listeners hear of changes at the next frame, so the POST leaves
 *   first and the bubble is drawn while the server answers; and changes that arrive within one frame
 *   (an answer's echo and the next question, a page of replayed history) cost one render, not one each.
 * - Direct Line (botframework-directlinejs) runs its zero-delay steps on RxJS's async scheduler, a timer
 *   each: an answer's POST waited for three timers after the tap, and each incoming message for one,
 *   every one of them queued behind whatever else the page was doing. The scheduler below runs
 *   zero-delay work at once, in order (as RxJS's own queue scheduler does), and delayed work (retries,
 *   pings, token refresh) on a timer as before.
 * - The first answer Web Chat sends builds an Intl.DateTimeFormat for the patient's time zone, which
 *   costs 30–60 ms the first time a page does it (ICU loads its zone data). It is built once when the
 *   page is idle, so the consent answer does not pay for it.
 */
(function () {
  'use strict';

  // The send box is a controlled input: React puts back the value it last rendered straight after each
  // keystroke, so a keystroke's change must be rendered at once or the letter is lost.
  var AT_ONCE = /^WEB_CHAT\/(SET_SEND_BOX|SUBMIT_SEND_BOX)/;

  /**
   * Web Chat's createStore(initialState, ...middlewares), returning the same store (dispatch,
   * getState and the rest are its own) whose subscribers hear of changes at the next frame, just
   * before it is painted, or at once for the send box's own changes.
   */
  function createStore(createWebChatStore, middleware) {
    var listeners = [];
    var pending = 0;
    var generation = 0;
    var atOnce = false;

    function notify() {
      pending = 0;
      listeners.slice().forEach(function (listener) {
        // One that unsubscribed meanwhile (an unmounted component) is not told any more.
        if (listeners.indexOf(listener) >= 0) listener();
      });
    }

    function onChange() {
      if (atOnce) {
        atOnce = false;
        return notify();
      }
      if (pending) return;
      var mine = (pending = ++generation);
      var run = function () { if (pending === mine) notify(); };
      requestAnimationFrame(run);
      // A hidden tab has no frames; the timer keeps the transcript current there.
      setTimeout(run, 100);
    }

    function marker() {
      return function (next) {
        return function (action) {
          if (action && AT_ONCE.test(action.type)) atOnce = true;
          return next(action);
        };
      };
    }

    var store = createWebChatStore({}, middleware, marker);
    store.subscribe(onChange);
    var deferred = Object.assign({}, store);
    deferred.subscribe = function (listener) {
      listeners.push(listener);
      return function () {
        var i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    };
    return deferred;
  }

  // ---- an RxJS 5 scheduler: zero-delay work at once (trampolined), the rest on timers ---------------
  //
  // What RxJS 5 asks of a scheduler: now(), and schedule(work, delay, state) returning an action that
  // work runs with as `this`, which can schedule itself again (this.schedule(state, delay)) and be
  // unsubscribed. Work scheduled while other work runs waits its turn, so emissions keep their order.

  var queue = [];
  var flushing = false;

  function flush() {
    flushing = true;
    try {
      while (queue.length) queue.shift().run();
    } finally {
      flushing = false;
    }
  }

  function Action(work) {
    this.work = work;
    this.state = undefined;
    this.timer = null;
    this.closed = false;
  }

  Action.prototype.schedule = function (state, delay) {
    if (this.closed) return this;
    this.state = state;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    var self = this;
    if (delay > 0) {
      this.timer = setTimeout(function () {
        self.timer = null;
        queue.push(self);
        if (!flushing) flush();
      }, delay);
    } else {
      queue.push(this);
      if (!flushing) flush();
    }
    return this;
  };

  Action.prototype.run = function () {
    if (!this.closed) this.work.call(this, this.state);
  };

  Action.prototype.unsubscribe = function () {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  };

  var scheduler = {
    now: function () { return Date.now(); },
    schedule: function (work, delay, state) {
      return new Action(work).schedule(state, delay);
    }
  };

  /**
   * Gives a Direct Line (botframework-directlinejs) the scheduler above. Web Chat's createDirectLine
   * does not pass a scheduler on, so it is set on the connection's services, which Direct Line reads
   * each time it schedules; a Direct Line without them keeps its own.
   */
  function useScheduler(directLine) {
    if (directLine && directLine.services && directLine.services.scheduler) directLine.services.scheduler = scheduler;
  }

  /** Pays ICU's one-off cost for the local time zone before the patient's first answer needs it. */
  function warmUp() {
    var run = function () {
      try {
        new Intl.DateTimeFormat().resolvedOptions();
      } catch (e) {
        /* no Intl: Web Chat does without it too */
      }
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 500);
  }

  window.IntakeLatency = { createStore: createStore, useScheduler: useScheduler, warmUp: warmUp };
})();
