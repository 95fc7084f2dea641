/*
 * The connection, visible and self-healing: a status line says when the chat is offline, reconnecting
 * or sending an answer again, and answers that did not get through are sent again by themselves when the
 * connection is back (and on a growing timer meanwhile), instead of waiting for the patient to find Web
 * Chat's small "Retry" link.
 *
 * How: Web Chat waits (up to 5 minutes) for the echo of each answer, matched by its clientActivityID.
 * Sending the same activity again with the same clientActivityID over Direct Line's REST endpoint makes
 * that echo arrive, so the "Send failed" bubble simply turns into a sent one; no second bubble, no
 * second answer. Before re-sending, the conversation is read: an answer the server already has (only
 * its echo was lost) is never sent twice.
 */
(function () {
  'use strict';

  var FAILED = 'send failed';
  var SENDING = 'sending';
  var OFFLINE = 'You are offline. Your answers will be sent when the connection is back.';

  function statusOf(activity) {
    var cd = activity.channelData || {};
    return cd['webchat:send-status'] || cd.state;
  }

  /**
   * statusEl: an element with role="status"; session(): { conversationId, token, userId }.
   * Returns onAction(action, storeApi), called by the store middleware after each action.
   */
  function create(statusEl, session) {
    var api = null;
    var timer = null;
    var delay = 2000;
    var connected = false;
    // clientActivityIDs posted while the browser was offline: they cannot have reached the server.
    var postedOffline = {};
    var inFlight = false;

    function show(text) {
      statusEl.textContent = text || '';
      statusEl.hidden = !text;
    }

    function unsent() {
      if (!api) return [];
      return (api.getState().activities || []).filter(function (a) {
        if (!a.from || a.from.role !== 'user' || a.type !== 'message') return false;
        var s = statusOf(a);
        return s === FAILED || (s === SENDING && postedOffline[a.channelData.clientActivityID]);
      });
    }

    function request(method, path, body) {
      var s = session();
      return fetch('/v3/directline/conversations/' + encodeURIComponent(s.conversationId) + path, {
        method: method,
        headers: { Authorization: 'Bearer ' + s.token, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
        cache: 'no-store'
      }).then(function (res) {
        if (!res.ok) throw new Error('Direct Line ' + res.status);
        return res.json();
      });
    }

    function resendOne(activity, known) {
      var id = activity.channelData.clientActivityID;
      if (known[id]) return Promise.resolve();
      var channelData = { clientActivityID: id };
      if (activity.channelData.messageBack) channelData.messageBack = activity.channelData.messageBack;
      var body = { type: 'message', from: { id: session().userId }, channelData: channelData };
      if (typeof activity.text === 'string') body.text = activity.text;
      if (activity.value !== undefined) body.value = activity.value;
      if (activity.locale) body.locale = activity.locale;
      return request('POST', '/activities', body).then(function () { delete postedOffline[id]; });
    }

    function resend() {
      timer = null;
      var pending = unsent();
      if (!pending.length) {
        delay = 2000;
        if (navigator.onLine) show('');
        return;
      }
      if (!navigator.onLine) {
        show(OFFLINE);
        return;
      }
      if (inFlight) return schedule();
      inFlight = true;
      show('Sending your answer again…');
      request('GET', '/activities')
        .then(function (page) {
          var known = {};
          (page.activities || []).forEach(function (a) {
            if (a.channelData && a.channelData.clientActivityID) known[a.channelData.clientActivityID] = true;
          });
          // One at a time, in the order they were given.
          return pending.reduce(function (chain, activity) {
            return chain.then(function () { return resendOne(activity, known); });
          }, Promise.resolve());
        })
        .then(function () {
          delay = 2000;
          show('');
        })
        .catch(function () {
          show('Not sent yet: trying again…');
          schedule();
        })
        .then(function () { inFlight = false; });
    }

    function schedule(now) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(resend, now ? 0 : delay);
      if (!now) delay = Math.min(delay * 2, 30000);
    }

    window.addEventListener('online', function () { schedule(true); });
    window.addEventListener('offline', function () { show(OFFLINE); });

    return function onAction(action, storeApi) {
      api = storeApi;
      switch (action.type) {
        case 'DIRECT_LINE/POST_ACTIVITY_PENDING': {
          var a = action.payload && action.payload.activity;
          var id = a && a.channelData && a.channelData.clientActivityID;
          if (id && !navigator.onLine) {
            postedOffline[id] = true;
            show(OFFLINE);
          }
          break;
        }
        case 'DIRECT_LINE/POST_ACTIVITY_REJECTED':
        case 'DIRECT_LINE/POST_ACTIVITY_IMPEDED':
          show(navigator.onLine ? 'Not sent yet: trying again…' : OFFLINE);
          schedule(navigator.onLine);
          break;
        case 'DIRECT_LINE/UPDATE_CONNECTION_STATUS': {
          // botframework-directlinejs ConnectionStatus: 1 connecting, 2 online, 4 failed to connect.
          var status = action.payload && action.payload.connectionStatus;
          if (status === 2) {
            connected = true;
            if (unsent().length) schedule(true);
            else if (navigator.onLine) show('');
          } else if (status === 1 && connected) {
            show(navigator.onLine ? 'Reconnecting…' : OFFLINE);
          } else if (status === 4) {
            show('Connection lost. Trying again…');
          }
          break;
        }
      }
    };
  }

  window.IntakeConnection = { create: create };
})();
