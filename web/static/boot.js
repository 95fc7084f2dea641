/*
 * Starts the conversation while Web Chat's bundle (about 1 MB compressed, several seconds to parse on a
 * phone) is still loading: the token, the Direct Line conversation and the bot's welcome are fetched
 * over plain HTTP, and the welcome is shown as a placeholder (preview.js), whose buttons already
 * answer, until Web Chat takes over. Web Chat then joins the conversation as a resumed one and replays
 * it (app.js), so nothing is asked twice.
 * Loaded first and deferred: it runs as soon as the HTML is parsed, before the bundle executes.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'intake-chat';
  var WEBCHAT = document.currentScript && document.currentScript.getAttribute('data-webchat');
  // In order: Web Chat, then what app.js uses, then app.js.
  var SCRIPTS = [WEBCHAT, '/static/present.js', '/static/answers.js', '/static/connection.js', '/static/bodychart.js', '/static/latency.js', '/static/app.js'];
  var loading = false;

  /** Runs Web Chat and the page's scripts (once). The bundle itself was preloaded by the page. */
  function loadScripts() {
    if (loading) return;
    loading = true;
    SCRIPTS.forEach(function (src) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false; // executed in this order
      document.head.appendChild(script);
    });
  }

  /** After the next frame is painted: the question first, then seconds of parsing. */
  function loadAfterPaint() {
    requestAnimationFrame(function () { setTimeout(loadScripts, 0); });
  }

  function loadSaved() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      /* private mode: the chat still works, it just will not survive a reload */
    }
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'p_' + Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  function post(path, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), cache: 'no-store' }).then(function (res) {
      if (!res.ok) throw new Error(path + ' failed: ' + res.status);
      return res.json();
    });
  }

  function getJson(path, token) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' }).then(function (res) {
      if (!res.ok) throw new Error(path + ' failed: ' + res.status);
      return res.json();
    });
  }

  // ---- the chat so far as a placeholder (preview.js), answerable by its buttons ---------------------

  var preview = null;

  function showPreview(activities) {
    var chat = document.getElementById('chat');
    if (!chat || !window.IntakePreview) return;
    preview = preview || window.IntakePreview.create(chat, { userId: session().userId, send: answer });
    if (!preview.show(activities)) return;
    // When the first question is painted (read by npm run bench).
    requestAnimationFrame(function () { if (performance.mark) performance.mark('intake-first-question'); });
    loadAfterPaint();
  }

  /**
   * Sends an answer given in the placeholder, as Web Chat would send it (same conversation, the
   * patient's id, a clientActivityID), and resolves with the conversation after the bot's turn (the
   * POST returns once the bot has answered). A failed POST that the server did receive all the same
   * counts as sent, so an answer is never sent twice.
   */
  function answer(activity) {
    var s = session();
    var path = '/v3/directline/conversations/' + encodeURIComponent(s.conversationId) + '/activities';
    var clientActivityID = randomId().slice(2);
    var body = Object.assign({}, activity, {
      from: { id: s.userId },
      locale: navigator.language,
      channelData: Object.assign({}, activity.channelData, { clientActivityID: clientActivityID })
    });
    var read = function () { return getJson(path, s.token).then(function (page) { return page.activities || []; }); };
    return post(path, s.token, body).then(read, function (error) {
      return read().then(function (activities) {
        var got = activities.some(function (a) { return a.channelData && a.channelData.clientActivityID === clientActivityID; });
        if (!got) throw error;
        return activities;
      });
    });
  }

  var current = null;
  function session() {
    return current || {};
  }

  /** Token, conversation and welcome; resolves with what app.js needs to connect Web Chat. */
  function begin() {
    var saved = loadSaved();
    return post('/api/webchat/token', null, saved && saved.token ? { token: saved.token } : {}).then(function (token) {
      var userId = (saved && saved.conversationId === token.conversationId && saved.userId) || randomId();
      current = { conversationId: token.conversationId, token: token.token, userId: userId, resumed: token.resumed };
      save({ conversationId: current.conversationId, token: current.token, userId: userId });
      if (token.resumed) return current;
      var base = '/v3/directline/conversations';
      return post(base, token.token)
        .then(function () {
          return post(base + '/' + encodeURIComponent(token.conversationId) + '/activities', token.token, {
            type: 'event',
            name: 'webchat/join',
            from: { id: userId },
            value: { locale: navigator.language }
          });
        })
        .then(function () {
          // From here on it is a conversation with history, which Web Chat replays when it connects.
          current.resumed = true;
          return getJson(base + '/' + encodeURIComponent(token.conversationId) + '/activities', token.token)
            .then(function (page) { showPreview(page.activities || []); })
            .catch(function () { /* only the placeholder is lost */ })
            .then(function () { return current; });
        });
    });
  }

  var started = begin();
  // Whatever happens (a resumed chat has no placeholder, a failure shows app.js's message), Web Chat
  // loads once the start is settled, and in any case after 3 s, so a slow network never holds it back.
  started.then(loadAfterPaint, loadScripts);
  setTimeout(loadScripts, 3000);

  window.intakeBoot = {
    started: started,
    /** app.js: a retry after a failure starts again from the token. */
    restart: function () {
      window.intakeBoot.started = begin();
      return window.intakeBoot.started;
    },
    save: save,
    /**
     * Removes the placeholder once no answer given in it is on its way (so the question it answered is
     * never live twice). Resolves with the id of the question it showed last when focus was in it (app.js
     * then moves focus to that question's controls in Web Chat), or null.
     */
    dropPreview: function () {
      if (!preview) return Promise.resolve(null);
      var p = preview;
      return p.settled().then(function () {
        return p.drop() ? p.latestPromptId || '' : null;
      });
    }
  };
  // Keep an unhandled rejection out of the console; app.js reports the failure to the patient.
  window.intakeBoot.started.catch(function () {});
})();
