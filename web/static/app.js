/*
 * The patient page: asks this server for a conversation-scoped Direct Line token, connects the stock
 * Web Chat to the bot's own Direct Line (/v3/directline, WebSocket), and adds the progress bar and the
 * body chart. The token lives in sessionStorage, so a reload (or a restarted server) resumes the same
 * conversation with its history, and closing the tab forgets it (shared computers at a reception desk).
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'intake-chat';
  var configEl = document.getElementById('intake-config');
  var config = JSON.parse(configEl.textContent);
  // Web Chat's style sheets must carry the page's nonce (the CSP has no 'unsafe-inline').
  var nonce = configEl.nonce || configEl.getAttribute('nonce') || undefined;
  var chatEl = document.getElementById('chat');
  var progressEl = document.querySelector('.progress');
  var progressBar = document.querySelector('.progress-bar');
  var progressText = document.querySelector('.progress-text');
  var store;

  // ---- session -------------------------------------------------------------------------------------

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

  function fetchToken(saved) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(saved && saved.token ? { token: saved.token } : {}),
      cache: 'no-store'
    }).then(function (res) {
      if (!res.ok) throw new Error('token request failed: ' + res.status);
      return res.json();
    });
  }

  // ---- progress bar (channelData.intake.progress on every question) ---------------------------------

  function showProgress(intake) {
    var ended = intake.step === 'done' || intake.step === 'emergency' || intake.step === 'declined' || intake.step === 'booking';
    var p = intake.progress || { index: 0, total: 1 };
    var pct = ended ? 100 : Math.max(0, Math.min(100, Math.round(((p.index - 1) / p.total) * 100)));
    progressBar.style.width = pct + '%';
    progressEl.setAttribute('aria-valuenow', String(pct));
    var text = ended ? 'Finished' : 'Step ' + p.index + ' of ' + p.total;
    progressEl.setAttribute('aria-valuetext', text);
    progressText.textContent = text;
  }

  // ---- one rendering per question ------------------------------------------------------------------
  //
  // The bot gives every card a text fallback (for channels and screen readers without cards). Web Chat
  // shows both, so the question would appear twice: drop the card's heading where the text already
  // says it, and keep only the text's first line where the card lists the same items (checklists, summary).

  var CARD = 'application/vnd.microsoft.card.adaptive';

  function tidy(activity) {
    if (!activity || !activity.from || activity.from.role !== 'bot' || typeof activity.text !== 'string' || !activity.attachments) return activity;
    var text = activity.text.trim();
    var lists = false;
    var changed = false;
    var attachments = activity.attachments.map(function (attachment) {
      var body = attachment.contentType === CARD && attachment.content && attachment.content.body;
      if (!Array.isArray(body)) return attachment;
      if (body.some(function (b) { return b && (b.type === 'FactSet' || b.type === 'Input.ChoiceSet'); })) lists = true;
      var first = body[0];
      if (!first || first.type !== 'TextBlock' || typeof first.text !== 'string' || text.indexOf(first.text.trim()) !== 0) return attachment;
      changed = true;
      return Object.assign({}, attachment, { content: Object.assign({}, attachment.content, { body: body.slice(1) }) });
    });
    if (!changed && !lists) return activity;
    var tidied = Object.assign({}, activity, { attachments: attachments, text: lists ? text.split('\n')[0] : activity.text });
    // A checklist card has every option and its own "none" button: the same buttons again below are noise.
    if (checklist(attachments)) delete tidied.suggestedActions;
    return tidied;
  }

  function checklist(attachments) {
    return attachments.some(function (a) {
      return a.contentType === CARD && a.content && Array.isArray(a.content.body) && a.content.body.some(function (b) { return b && b.type === 'Input.ChoiceSet'; });
    });
  }

  // ---- body chart inside Web Chat's activity (activity middleware) ----------------------------------
  //
  // The UMD bundle does not expose React, so elements are made the way React itself makes them, with
  // the element marker copied from an element Web Chat just rendered (so it matches its React).

  function h(marker, type, props) {
    return { $$typeof: marker, type: type, key: props.key == null ? null : String(props.key), ref: props.ref || null, props: props, _owner: null };
  }

  function withKey(element, key) {
    var copy = {};
    for (var k in element) copy[k] = element[k];
    copy.key = key;
    return copy;
  }

  function isPrompt(activity) {
    return activity && activity.from && activity.from.role === 'bot' && activity.channelData && activity.channelData.intake;
  }

  /** The bot's question still waiting for an answer, if any. */
  function openPrompt(activities) {
    for (var i = activities.length - 1; i >= 0; i--) {
      var a = activities[i];
      if (a.from && a.from.role === 'user' && a.type === 'message') return null;
      if (isPrompt(a)) return a;
    }
    return null;
  }

  var mounts = {};
  function chartRef(activity) {
    var key = activity.id;
    if (mounts[key]) return mounts[key].ref;
    var entry = { chart: null };
    entry.ref = function (node) {
      if (node && !entry.chart) {
        entry.chart = window.IntakeBodyChart.mount(node, {
          step: activity.channelData.intake.step,
          onSend: function (sites, text) {
            store.dispatch({
              type: 'WEB_CHAT/SEND_MESSAGE_BACK',
              payload: { value: { intake: { step: activity.channelData.intake.step, answer: sites } }, text: text, displayText: text }
            });
          }
        });
      } else if (!node && entry.chart) {
        entry.chart.destroy();
        entry.chart = null;
      }
    };
    mounts[key] = entry;
    return entry.ref;
  }

  function ChartActivity(props) {
    var activities = window.WebChat.hooks.useActivities()[0];
    var open = openPrompt(activities);
    var marker = props.inner.$$typeof;
    var live = open && open.id === props.activity.id;
    return h(marker, 'div', {
      className: 'intake-chart-activity',
      children: [
        withKey(props.inner, 'activity'),
        live ? h(marker, 'div', { key: 'chart', className: 'intake-chart-host', ref: chartRef(props.activity) }) : null
      ]
    });
  }

  function activityMiddleware() {
    return function (next) {
      return function () {
        var render = next.apply(null, arguments);
        var activity = arguments[0] && arguments[0].activity;
        var step = isPrompt(activity) && activity.channelData.intake.step;
        if (!render || (step !== 'location' && step !== 'spread')) return render;
        return function () {
          var inner = render.apply(null, arguments);
          return inner ? h(inner.$$typeof, ChartActivity, { activity: activity, inner: inner }) : inner;
        };
      };
    };
  }

  // ---- Web Chat ------------------------------------------------------------------------------------

  function styleOptions() {
    var primary = getComputedStyle(document.documentElement).getPropertyValue('--primary').trim() || '#0f766e';
    // On a phone the buttons must leave room for the conversation itself.
    var small = window.innerWidth < 480;
    return {
      accent: primary,
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      backgroundColor: '#ffffff',
      bubbleBackground: '#f1f5f9',
      bubbleBorderWidth: 0,
      bubbleBorderRadius: 14,
      bubbleTextColor: '#1f2937',
      bubbleFromUserBackground: primary,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderWidth: 0,
      bubbleFromUserBorderRadius: 14,
      bubbleMinWidth: 120,
      bubbleMaxWidth: 520,
      paddingRegular: 10,
      sendBoxTextWrap: true,
      sendBoxButtonColor: primary,
      sendBoxBorderTop: 'solid 1px #e5e7eb',
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      suggestedActionBorderRadius: 999,
      suggestedActionBorderColor: primary,
      suggestedActionBorderWidth: 1.5,
      suggestedActionTextColor: primary,
      suggestedActionBackgroundColor: '#ffffff',
      suggestedActionBackgroundColorOnHover: '#f0fdfa',
      suggestedActionHeight: small ? 34 : 38,
      suggestedActionsFlowMaxHeight: small ? 128 : 190,
      timestampColor: '#64748b',
      groupTimestamp: 300000,
      maxMessageLength: 2000
    };
  }

  function start() {
    var saved = loadSaved();
    return fetchToken(saved).then(function (session) {
      var userId = (saved && saved.conversationId === session.conversationId && saved.userId) || randomId();
      save({ conversationId: session.conversationId, token: session.token, userId: userId });

      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: location.origin + '/v3/directline',
        webSocket: true,
        // Resuming: reconnect to the conversation and replay its history from the start.
        conversationId: session.resumed ? session.conversationId : undefined
      });

      // Direct Line refreshes its token every 15 minutes; keep the stored one current for reloads.
      setInterval(function () {
        if (directLine.token && directLine.token !== session.token) {
          session.token = directLine.token;
          save({ conversationId: session.conversationId, token: session.token, userId: userId });
        }
      }, 30000);

      var joined = false;
      store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            // A new conversation: ask the bot for its welcome. A resumed one already has it.
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !session.resumed && !joined) {
              joined = true;
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: navigator.language } } });
            }
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: tidy(action.payload.activity) }) });
              if (isPrompt(action.payload.activity)) showProgress(action.payload.activity.channelData.intake);
            }
            return next(action);
          };
        };
      });

      chatEl.textContent = '';
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: userId,
          locale: 'en-US',
          nonce: nonce,
          styleOptions: styleOptions(),
          activityMiddleware: activityMiddleware,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Type your answer' }
        },
        chatEl
      );
      window.intakeChat = { store: store, directLine: directLine, conversationId: session.conversationId };
    });
  }

  function showError() {
    chatEl.textContent = '';
    var p = document.createElement('p');
    p.className = 'chat-error';
    p.setAttribute('role', 'alert');
    p.textContent = 'Sorry, the chat could not start. Please try again, or call ' + config.clinicName + ' on ' + config.phone + '.';
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', function () {
      chatEl.textContent = 'Starting the chat…';
      start().catch(showError);
    });
    p.appendChild(document.createElement('br'));
    p.appendChild(retry);
    chatEl.appendChild(p);
  }

  // Inside the widget's panel: a close button that asks the host page to hide the panel.
  if (config.embed) {
    var close = document.querySelector('.close-embed');
    close.hidden = false;
    close.addEventListener('click', function () {
      window.parent.postMessage({ type: 'intake-widget:close' }, '*');
    });
  }

  start().catch(showError);
})();
