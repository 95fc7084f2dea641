/*
 * The patient page: asks this server for a conversation-scoped Direct Line token, connects the stock
 * Web Chat to the bot's own Direct Line (/v3/directline, WebSocket), and adds the progress bar and the
 * body chart. The token lives in sessionStorage, so a reload (or a restarted server) resumes the same
 * conversation with its history, and closing the tab forgets it (shared computers at a reception desk).
 */
(function () {
  'use strict';

  var configEl = document.getElementById('intake-config');
  var config = JSON.parse(configEl.textContent);
  // Web Chat's style sheets must carry the page's nonce (the CSP has no 'unsafe-inline').
  var nonce = configEl.nonce || configEl.getAttribute('nonce') || undefined;
  var chatEl = document.getElementById('chat');
  var store;

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
          collapsed: window.innerHeight < 600,
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

  // The emergency ending: an alert, not a chat bubble, with a button that calls the emergency number.
  function EmergencyActivity(props) {
    var marker = props.inner.$$typeof;
    var number = config.emergencyNumber;
    return h(marker, 'div', {
      className: 'intake-emergency',
      role: 'alert',
      children: [
        h(marker, 'p', { key: 'title', className: 'intake-emergency-title', children: 'Urgent: please get medical help now' }),
        withKey(props.inner, 'activity'),
        h(marker, 'a', { key: 'call', className: 'intake-call', href: window.IntakePresent.telHref(number), children: 'Call ' + number + ' now' })
      ]
    });
  }

  function activityMiddleware() {
    return function (next) {
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var activity = args[0] && args[0].activity;
        // An answer given by card carries only a displayText (answers.js); Web Chat shows a message only
        // when it has text, so the bubble gets that text here, on screen only (the bot never sees it).
        var display = activity && activity.from && activity.from.role === 'user' && !activity.text && activity.channelData && activity.channelData.messageBack && activity.channelData.messageBack.displayText;
        if (display) args[0] = Object.assign({}, args[0], { activity: Object.assign({}, activity, { text: display }) });
        var render = next.apply(null, args);
        var step = isPrompt(activity) && activity.channelData.intake.step;
        if (!render || (step !== 'location' && step !== 'spread' && step !== 'emergency')) return render;
        var Wrapper = step === 'emergency' ? EmergencyActivity : ChartActivity;
        return function () {
          var inner = render.apply(null, arguments);
          return inner ? h(inner.$$typeof, Wrapper, { activity: activity, inner: inner }) : inner;
        };
      };
    };
  }

  // ---- Web Chat ------------------------------------------------------------------------------------

  // The page's focus colour (app.css --focus): 15:1 on white, unlike the clinic's accent colour.
  var FOCUS = '#111827';

  function styleOptions() {
    var primary = getComputedStyle(document.documentElement).getPropertyValue('--primary').trim() || '#0f766e';
    // On a phone the buttons must leave room for the conversation itself.
    var small = window.innerWidth < 480 || window.innerHeight < 560;
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
      // 44 px: the smallest comfortable touch target (WCAG 2.5.5).
      suggestedActionHeight: 44,
      suggestedActionsFlowMaxHeight: window.innerHeight < 560 ? 100 : small ? 150 : 200,
      // Focus indicators at least 3:1 against white (WCAG 1.4.11); Web Chat's defaults are 1 px grey.
      suggestedActionKeyboardFocusIndicatorBorderColor: FOCUS,
      suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
      suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
      suggestedActionKeyboardFocusIndicatorBorderRadius: 999,
      suggestedActionsVisualKeyboardIndicatorColor: FOCUS,
      sendBoxButtonKeyboardFocusIndicatorBorderColor: FOCUS,
      sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
      transcriptActivityVisualKeyboardIndicatorColor: FOCUS,
      transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
      transcriptActivityVisualKeyboardIndicatorWidth: 2,
      transcriptVisualKeyboardIndicatorColor: FOCUS,
      transcriptVisualKeyboardIndicatorStyle: 'solid',
      transcriptVisualKeyboardIndicatorWidth: 2,
      sendBoxHeight: 46,
      // A new message taller than the chat (the body chart, a long summary) stops scrolling where the
      // patient's last answer would leave the top, so the question is in view rather than its end.
      autoScrollSnapOnPage: true,
      timestampColor: '#64748b',
      groupTimestamp: 300000,
      maxMessageLength: 2000
    };
  }

  // ---- after each answer: focus on the next question ------------------------------------------------
  //
  // The control that was used (a card's Send, the chart's Send, a suggested action) disappears or goes
  // stale with the answer, and focus would fall to <body> or stay on the old card. Once the next question
  // is on screen, focus moves to its first control. A patient typing in the send box keeps the send box.

  var focusPending = false;
  // The bot question (its activity id) the pending focus is for, when it is known: Web Chat may not have
  // it yet (an answer given in the placeholder, whose reply Web Chat hears of later).
  var focusFor = null;
  var latestPromptId = null;

  // A patient who starts typing while the next question is still on its way keeps the send box: moving
  // focus then would send their Enter to a button (an answer they never chose). Only the patient's own
  // hand counts (a tap, a key, an input); Web Chat's own focus on the send box after a tap is not one.
  ['pointerdown', 'keydown', 'input'].forEach(function (type) {
    chatEl.addEventListener(type, function (event) {
      if (event.target && event.target.closest && event.target.closest('.webchat__send-box-text-box')) {
        focusPending = false;
        focusFor = null;
      }
    }, true);
  });

  function nextQuestionControl() {
    var activities = chatEl.querySelectorAll('.webchat__basic-transcript__activity');
    var last = activities[activities.length - 1];
    var inLast = last && last.querySelector('.intake-call, .ac-adaptiveCard input:not([disabled]), .ac-adaptiveCard textarea, .bc-region[tabindex="0"], .bc-toggle');
    if (inLast) return inLast;
    return chatEl.querySelector('.webchat__suggested-actions .webchat__suggested-action');
  }

  function moveFocusSoon() {
    if (!focusPending) return;
    var tries = 0;
    // Not before the next frame: Web Chat draws the question then (latency.js), and until it has, the
    // last thing on screen is the old question, whose controls must not get the focus.
    requestAnimationFrame(function attempt() {
      if (!focusPending) return;
      var target = focusFor && focusFor !== latestPromptId ? null : nextQuestionControl();
      if (target) {
        focusPending = false;
        focusFor = null;
        // When the page itself scrolls (high zoom, a short screen), bring the whole chat into view first:
        // its height is the viewport's, so the question and the send box are on screen together.
        if (document.documentElement.scrollHeight > window.innerHeight + 1) {
          chatEl.scrollIntoView({ block: 'end' });
          target.focus({ preventScroll: true });
        } else {
          target.focus();
        }
        return;
      }
      if (++tries < 40) setTimeout(attempt, 50);
    });
  }

  // ---- card inputs: a name each, and autocomplete for the contact form -----------------------------
  //
  // Adaptive Cards labels its text inputs through ids that Web Chat's screen-reader copy of the card
  // repeats, so the label may not reach the input; and it has no autocomplete. Both are set from the
  // label's words on each card as it appears.

  var AUTOCOMPLETE = [[/name/i, 'name'], [/phone/i, 'tel'], [/email/i, 'email']];

  function labelCardInputs(root) {
    // Web Chat's live-region narration of a card repeats its inputs, unlabelled and unreachable
    // (tabindex -1): they are noise to a screen reader, which hears the real card's fields.
    root.querySelectorAll('.webchat__live-region-activity input:not([aria-hidden])').forEach(function (input) {
      input.setAttribute('aria-hidden', 'true');
    });
    root.querySelectorAll('.ac-adaptiveCard input.ac-textInput, .ac-adaptiveCard input[type="text"], .ac-adaptiveCard input[type="tel"], .ac-adaptiveCard input[type="email"]').forEach(function (input) {
      if (input.hasAttribute('data-intake-labelled')) return;
      input.setAttribute('data-intake-labelled', '');
      var label = input.closest('label') || (input.id && root.querySelector('label[for="' + CSS.escape(input.id) + '"]'));
      var container = input.closest('.ac-input-container');
      var labelEl = label || (container && container.previousElementSibling);
      var words = labelEl ? labelEl.textContent.trim() : '';
      if (words) input.setAttribute('aria-label', words);
      for (var i = 0; i < AUTOCOMPLETE.length; i++) {
        if (AUTOCOMPLETE[i][0].test(words)) {
          input.setAttribute('autocomplete', AUTOCOMPLETE[i][1]);
          break;
        }
      }
    });
  }

  new MutationObserver(function () { labelCardInputs(chatEl); }).observe(chatEl, { childList: true, subtree: true });

  // ---- the emergency ending closes the conversation's inputs ----------------------------------------

  function closeInputs() {
    document.body.classList.add('chat-closed');
    chatEl.querySelectorAll('.ac-adaptiveCard input, .ac-adaptiveCard textarea, .ac-adaptiveCard select, .ac-adaptiveCard button, .bodychart button').forEach(function (el) {
      el.disabled = true;
    });
    chatEl.querySelectorAll('.ac-adaptiveCard').forEach(function (card) { card.setAttribute('inert', ''); });
  }

  // ---- Web Chat ------------------------------------------------------------------------------------

  function middleware(session, connection) {
    var joined = false;
    var shown = false;
    return function (api) {
      return function (next) {
        return function (action) {
          // A new conversation that boot.js could not start: ask the bot for its welcome. A resumed one has it.
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !session.resumed && !joined) {
            joined = true;
            api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: navigator.language } } });
          }
          // A card's submit becomes a messageBack: same value for the bot, and a bubble with the answer.
          if (action.type === 'WEB_CHAT/SEND_POST_BACK') {
            var display = window.IntakeAnswers.displayText(action.payload && action.payload.value);
            if (display) action = { type: 'WEB_CHAT/SEND_MESSAGE_BACK', payload: { value: action.payload.value, displayText: display } };
          }
          // Typed answers keep the send box; answers by button, card or chart move focus on (see above).
          if (/^WEB_CHAT\/SEND_(MESSAGE|MESSAGE_BACK|POST_BACK)$/.test(action.type)) {
            focusPending = action.type !== 'WEB_CHAT/SEND_MESSAGE';
            focusFor = null;
          }
          var prompt = null;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = window.IntakePresent.tidy(action.payload.activity, config);
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: activity }) });
            if (isPrompt(activity)) {
              prompt = activity.channelData.intake;
              latestPromptId = activity.id || null;
              window.IntakeAnswers.remember(activity);
              window.IntakeProgress.show(prompt);
            }
          }
          var result = next(action);
          connection(action, api);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && !shown) {
            shown = true;
            mark('intake-webchat-first-message');
            // Web Chat draws on the next frames; the placeholder goes when it has. A patient who was using
            // it (a tap, Tab) is taken to the question's first control, as after any answer by button.
            // An answer given in it and still on its way keeps it up until the bot's next question is back;
            // focus then waits for Web Chat to show that question, not the one answered.
            setTimeout(function () {
              if (!window.intakeBoot) return;
              window.intakeBoot.dropPreview().then(function (promptId) {
                if (promptId === null) return;
                focusPending = true;
                focusFor = promptId || null;
                moveFocusSoon();
              });
            }, 100);
          }
          if (prompt && prompt.step === 'emergency') setTimeout(closeInputs, 0);
          if (prompt) moveFocusSoon();
          return result;
        };
      };
    };
  }

  /** A performance mark at the next frame (when the browser paints what was just added); npm run bench reads them. */
  function mark(name) {
    requestAnimationFrame(function () { if (performance.mark) performance.mark(name); });
  }

  function begin() {
    if (window.intakeBoot) return window.intakeBoot.started;
    return Promise.reject(new Error('boot.js did not load'));
  }

  function start(promise) {
    return promise.then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: location.origin + '/v3/directline',
        webSocket: true,
        // Resuming (a reload, or the conversation boot.js started): replay its history from the start.
        conversationId: session.resumed ? session.conversationId : undefined
      });
      window.IntakeLatency.useScheduler(directLine);

      // Direct Line refreshes its token every 15 minutes; keep the stored one current for reloads.
      setInterval(function () {
        if (directLine.token && directLine.token !== session.token) {
          session.token = directLine.token;
          window.intakeBoot.save({ conversationId: session.conversationId, token: session.token, userId: session.userId });
        }
      }, 30000);

      var connection = window.IntakeConnection.create(document.querySelector('.connection'), function () {
        return { conversationId: session.conversationId, token: directLine.token || session.token, userId: session.userId };
      });
      store = window.IntakeLatency.createStore(window.WebChat.createStore, middleware(session, connection));
      window.IntakeLatency.warmUp();

      chatEl.querySelectorAll('.chat-loading, .chat-error').forEach(function (el) { el.parentNode.removeChild(el); });
      var host = document.createElement('div');
      host.className = 'chat-host';
      chatEl.appendChild(host);
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: session.userId,
          locale: 'en-US',
          nonce: nonce,
          styleOptions: styleOptions(),
          activityMiddleware: activityMiddleware,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Type your answer' }
        },
        host
      );
      window.intakeChat = { store: store, directLine: directLine, conversationId: session.conversationId };
    });
  }

  function showError() {
    if (window.intakeBoot) window.intakeBoot.dropPreview();
    chatEl.textContent = '';
    var p = document.createElement('p');
    p.className = 'chat-error';
    p.setAttribute('role', 'alert');
    p.appendChild(document.createTextNode('Sorry, the chat could not start. Please try again, or call ' + config.clinicName + ' on '));
    var tel = document.createElement('a');
    tel.href = window.IntakePresent.telHref(config.phone);
    tel.textContent = config.phone;
    p.appendChild(tel);
    p.appendChild(document.createTextNode('.'));
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', function () {
      chatEl.textContent = 'Starting the chat…';
      start(window.intakeBoot.restart()).catch(showError);
    });
    p.appendChild(document.createElement('br'));
    p.appendChild(retry);
    chatEl.appendChild(p);
  }

  // Inside the widget's panel: a close button (and Escape) asks the host page to hide the panel.
  if (config.embed) {
    var close = document.querySelector('.close-embed');
    var askClose = function () { window.parent.postMessage({ type: 'intake-widget:close' }, '*'); };
    close.hidden = false;
    close.addEventListener('click', askClose);
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.defaultPrevented) askClose();
    });
  }

  start(begin()).catch(showError);
})();
