/*
 * How the bot's activities are shown on this page (before Web Chat renders them):
 * - one rendering per question: the bot gives every card a text fallback (for channels and screen readers
 *   without cards) and Web Chat shows both, so the card's heading is dropped where the text already says
 *   it, and only the text's first line is kept where the card lists the same items;
 * - phone numbers the bot names (the clinic's, the emergency number) become tel: links;
 * - the booking link is the card's button, not a raw URL in the text as well.
 */
(function () {
  'use strict';

  var CARD = 'application/vnd.microsoft.card.adaptive';

  function telHref(number) {
    return 'tel:' + String(number).replace(/[^0-9+]/g, '');
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function escapeMarkdown(s) {
    return s.replace(/[\\[\]()*_`]/g, '\\$&');
  }

  /** Markdown links for the numbers a patient may want to call (Web Chat renders bot text as markdown). */
  function linkNumbers(text, config) {
    var out = text;
    if (config.phone) {
      out = out.split(config.phone).join('[' + escapeMarkdown(config.phone) + '](' + telHref(config.phone) + ')');
    }
    if (config.emergencyNumber) {
      // Only where it is advice to call: "000" can be part of another number.
      var re = new RegExp('\\b(call|ring|dial)\\s+' + escapeRegExp(config.emergencyNumber) + '(?![\\d\\]])', 'gi');
      out = out.replace(re, function (_, verb) {
        return verb + ' [' + escapeMarkdown(config.emergencyNumber) + '](' + telHref(config.emergencyNumber) + ')';
      });
    }
    return out;
  }

  function cardBody(attachment) {
    return attachment && attachment.contentType === CARD && attachment.content && Array.isArray(attachment.content.body) ? attachment.content.body : null;
  }

  function checklist(attachments) {
    return attachments.some(function (a) {
      var body = cardBody(a);
      return body && body.some(function (b) { return b && b.type === 'Input.ChoiceSet'; });
    });
  }

  function opensUrl(attachments) {
    return attachments.some(function (a) {
      return a.contentType === CARD && a.content && Array.isArray(a.content.actions) && a.content.actions.some(function (x) { return x && x.type === 'Action.OpenUrl'; });
    });
  }

  /** The title of a card's "none" button ("None of these", "Not sure"), if it has one. */
  function noneTitle(content) {
    var none = (content.actions || []).filter(function (x) {
      return x && x.type === 'Action.Submit' && x.data && x.data.intake && Array.isArray(x.data.intake.answer) && !x.data.intake.answer.length;
    })[0];
    return none ? none.title : null;
  }

  /** Card text blocks and choice sets that wrap, and numbers that can be called. */
  function tidyCard(attachment, config, dropHeading) {
    var body = cardBody(attachment);
    if (!body) return attachment;
    var none = noneTitle(attachment.content);
    var next = (dropHeading ? body.slice(1) : body).map(function (b) {
      if (!b) return b;
      if (b.type === 'TextBlock' && typeof b.text === 'string') return Object.assign({}, b, { text: linkNumbers(b.text, config), wrap: true });
      // Adaptive Cards cut choice labels to one line unless told otherwise (the red-flag items are long).
      // A choice that is also the card's "none" button ("Not sure" on the cause card) is offered once, as the button.
      if (b.type === 'Input.ChoiceSet') {
        var choices = Array.isArray(b.choices) ? b.choices.filter(function (c) { return !none || c.title !== none; }) : b.choices;
        return Object.assign({}, b, { wrap: true, choices: choices });
      }
      return b;
    });
    return Object.assign({}, attachment, { content: Object.assign({}, attachment.content, { body: next }) });
  }

  function tidy(activity, config) {
    if (!activity || !activity.from || activity.from.role !== 'bot' || typeof activity.text !== 'string') return activity;
    var text = activity.text.trim();
    var attachments = activity.attachments || [];
    var lists = false;
    var tidied = attachments.map(function (attachment) {
      var body = cardBody(attachment);
      if (!body) return attachment;
      if (body.some(function (b) { return b && (b.type === 'FactSet' || b.type === 'Input.ChoiceSet'); })) lists = true;
      var first = body[0];
      var repeated = !!first && first.type === 'TextBlock' && typeof first.text === 'string' && text.indexOf(first.text.trim()) === 0;
      return tidyCard(attachment, config, repeated);
    });
    if (lists) text = text.split('\n')[0];
    // The card's "Book" button is the link; the raw URL line is only for channels without cards.
    if (opensUrl(attachments)) text = text.split('\n').filter(function (line) { return !/https?:\/\//.test(line); }).join('\n');
    var result = Object.assign({}, activity, { text: linkNumbers(text, config) });
    if (attachments.length) result.attachments = tidied;
    // A checklist card has every option and its own "none" button: the same buttons again below are noise.
    if (checklist(attachments)) delete result.suggestedActions;
    return result;
  }

  window.IntakePresent = { tidy: tidy, telHref: telHref, linkNumbers: linkNumbers };
})();
