/*
 * The connection, visible and self-healing: a status line says when the chat is offline or reconnecting,
 * and answers that failed to send are sent again by themselves when the connection comes back (and on a
 * growing timer meanwhile), instead of waiting for the patient to find Web Chat's small "Retry" link.
 * Web Chat re-sends an activity under its own clientActivityID, so a re-send replaces the failed bubble.
 */
(function () {
  'use strict';

  var FAILED = 'send failed';

  function failedAnswers(state) {
    return (state.activities || []).filter(function (a) {
      var cd = a.channelData || {};
      return a.from && a.from.role === 'user' && (cd['webchat:send-status'] || cd.state) === FAILED;
    });
  }

  /** statusEl: an element with role="status". Returns onAction(action, api), called by the store middleware. */
  function create(statusEl) {
    var timer = null;
    var delay = 2000;
    var online = true;
    var connected = false;
    var api = null;

    function show(text) {
      statusEl.textContent = text || '';
      statusEl.hidden = !text;
    }

    function resend() {
      timer = null;
      if (!api) return;
      var failed = failedAnswers(api.getState());
      if (!failed.length) {
        delay = 2000;
        if (online) show('');
        return;
      }
      show('Sending your answer again…');
      failed.forEach(function (activity) {
        api.dispatch({ type: 'DIRECT_LINE/POST_ACTIVITY', meta: { method: 'code' }, payload: { activity: activity } });
      });
      schedule();
    }

    function schedule(now) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(resend, now ? 0 : delay);
      if (!now) delay = Math.min(delay * 2, 30000);
    }

    window.addEventListener('online', function () { online = true; show(''); schedule(true); });
    window.addEventListener('offline', function () {
      online = false;
      show('You are offline. Your answers will be sent when the connection is back.');
    });

    return function onAction(action, storeApi) {
      api = storeApi;
      switch (action.type) {
        case 'DIRECT_LINE/POST_ACTIVITY_REJECTED':
          show(navigator.onLine ? 'Not sent yet: trying again…' : 'You are offline. Your answers will be sent when the connection is back.');
          schedule();
          break;
        case 'DIRECT_LINE/UPDATE_CONNECTION_STATUS': {
          // 1 connecting, 2 online, 4 failed to connect (see botframework-directlinejs ConnectionStatus).
          var status = action.payload && action.payload.connectionStatus;
          if (status === 2) {
            online = true;
            connected = true;
            delay = 2000;
            if (failedAnswers(api.getState()).length) schedule(true);
            else show('');
          } else if (status === 1 && online && connected) {
            show('Reconnecting…');
          } else if (status === 4) {
            show('Connection lost. Trying again…');
          }
          break;
        }
        case 'DIRECT_LINE/POST_ACTIVITY_FULFILLED':
          if (!timer) show('');
          break;
      }
    };
  }

  window.IntakeConnection = { create: create };
})();
