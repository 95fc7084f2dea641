/*
 * The chat before Web Chat is ready (boot.js fetches it): the bot's messages so far as plain bubbles,
 * and the latest question's buttons (its suggested actions, read from the activity, whatever they say),
 * so a patient can answer the first question while Web Chat's bundle is still being parsed, which takes
 * seconds on a phone. A tap sends the answer once, as Web Chat would have sent that button (boot.js
 * posts it to the same Direct Line conversation with a clientActivityID), shows it as the patient's
 * bubble, and shows the bot's next question when it is there. Web Chat replays all of it when it takes
 * over. A question with a card (a checklist, a form) waits for Web Chat: only buttons are drawn here.
 */
(function () {
  'use strict';

  /** What Web Chat posts for a suggested action; null for kinds that need Web Chat (open a link, sign in). */
  function answerFor(action) {
    var value = action.value;
    switch (action.type) {
      case 'imBack':
        return typeof value === 'string' ? { type: 'message', text: value } : null;
      case 'messageBack': {
        var activity = { type: 'message', value: value };
        if (typeof action.text === 'string') activity.text = action.text;
        if (typeof action.displayText === 'string') activity.channelData = { messageBack: { displayText: action.displayText } };
        return activity;
      }
      case 'postBack':
        return { type: 'message', text: typeof value === 'string' ? value : undefined, value: value, channelData: { postBack: true } };
      default:
        return null;
    }
  }

  /** The words of the patient's bubble for an answer. */
  function shownAs(action) {
    return action.displayText || action.title || (typeof action.value === 'string' ? action.value : '');
  }

  /**
   * chatEl: where to draw; options: { userId, send(activity) → Promise<activities after it> }.
   * Returns { show(activities), drop() → whether focus was inside it, answered }.
   */
  function create(chatEl, options) {
    var root = null;
    var sending = false;
    var api = { show: show, drop: drop, settled: settled, latestPromptId: null, answered: false };
    // The answer given here, until the bot's next question is back (or the answer failed).
    var inFlight = Promise.resolve();

    function bubble(text, mine) {
      var p = document.createElement('p');
      p.className = mine ? 'chat-preview-bubble chat-preview-bubble--mine' : 'chat-preview-bubble';
      p.textContent = text;
      return p;
    }

    function said(activities) {
      return activities.filter(function (a) {
        if (a.type !== 'message' || !a.from) return false;
        var mine = a.from.id === options.userId;
        return mine ? !!(a.text || (a.channelData && a.channelData.messageBack && a.channelData.messageBack.displayText)) : typeof a.text === 'string';
      });
    }

    /** The buttons of the latest message, when it is the bot's and they can be answered here. */
    function buttonsOf(messages) {
      var last = messages[messages.length - 1];
      if (!last || last.from.id === options.userId || (last.attachments && last.attachments.length)) return [];
      var actions = (last.suggestedActions && last.suggestedActions.actions) || [];
      return actions.filter(function (action) { return action && action.title && answerFor(action); });
    }

    function tap(action, buttons, list) {
      if (sending) return;
      sending = true;
      api.answered = true;
      buttons.forEach(function (b) { b.disabled = true; });
      var mine = bubble(shownAs(action), true);
      list.parentNode.insertBefore(mine, list);
      list.parentNode.removeChild(list);
      var wait = status('Sending your answer…');
      inFlight = options.send(answerFor(action)).then(
        function (activities) {
          sending = false;
          show(activities, true);
        },
        function () {
          // Not sent (boot.js has checked that the server does not have it): the same buttons again.
          sending = false;
          if (mine.parentNode) mine.parentNode.removeChild(mine);
          wait.textContent = 'Not sent. Please try again.';
          root.appendChild(list);
          buttons.forEach(function (b) { b.disabled = false; });
        }
      );
    }

    function status(text) {
      var old = root.querySelector('.chat-loading');
      if (old) old.parentNode.removeChild(old);
      var p = document.createElement('p');
      p.className = 'chat-loading';
      p.textContent = text;
      root.appendChild(p);
      return p;
    }

    /** Draws the conversation so far; `focus`: the patient just answered, so focus goes to the new question's first button. */
    function show(activities, focus) {
      // Web Chat got there first, or there is nothing to show.
      if (!root && window.intakeChat) return false;
      var messages = said(activities);
      if (!messages.length) return false;
      if (!root) {
        root = document.createElement('div');
        root.className = 'chat-preview';
        root.setAttribute('aria-live', 'polite');
        var loading = chatEl.querySelector('.chat-loading');
        if (loading) loading.hidden = true;
        chatEl.appendChild(root);
      }
      if (!root.parentNode) return false;
      root.textContent = '';
      messages.forEach(function (a) {
        var mine = a.from.id === options.userId;
        root.appendChild(bubble(mine ? a.text || a.channelData.messageBack.displayText : a.text, mine));
      });
      var actions = buttonsOf(messages);
      if (actions.length) {
        var list = document.createElement('div');
        list.className = 'chat-preview-actions';
        list.setAttribute('role', 'group');
        list.setAttribute('aria-label', 'Answers');
        var buttons = actions.map(function (action) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'chat-preview-action';
          b.textContent = action.title;
          b.addEventListener('click', function () { tap(action, buttons, list); });
          list.appendChild(b);
          return b;
        });
        root.appendChild(list);
        if (focus) buttons[0].focus();
      } else {
        status('Loading the answer buttons…');
        if (focus) {
          root.tabIndex = -1;
          root.focus();
        }
      }
      // The bot's latest question (app.js focuses it in Web Chat once Web Chat shows it).
      messages.forEach(function (a) {
        if (a.from.id !== options.userId && a.channelData && a.channelData.intake) api.latestPromptId = a.id || null;
      });
      var intake = messages[messages.length - 1].channelData && messages[messages.length - 1].channelData.intake;
      if (intake && window.IntakeProgress) window.IntakeProgress.show(intake);
      return true;
    }

    /** Resolves when no answer given here is on its way. */
    function settled() {
      return inFlight;
    }

    function drop() {
      var active = document.activeElement;
      // In it, or lost to <body> by the tapped button (disabled while its answer was on its way).
      var focused = !!root && (root.contains(active) || (api.answered && (!active || active === document.body)));
      if (root && root.parentNode) root.parentNode.removeChild(root);
      return focused;
    }

    return api;
  }

  window.IntakePreview = { create: create };
})();
