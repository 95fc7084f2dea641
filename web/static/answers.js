/*
 * Answers given by card (checklists, "None of these", the contact form) as the patient's own bubble.
 * An Adaptive Card submit is a postBack, which Web Chat does not show; app.js sends it as a messageBack
 * with the same value (what the bot reads) and a displayText (what the transcript shows). The bot gets
 * no text, so nothing changes for it: the card's value stays the answer, never words the patient typed.
 */
(function () {
  'use strict';

  var CARD = 'application/vnd.microsoft.card.adaptive';
  // step -> { labels: { code: title }, none: "None of these" }, from the cards the bot sent.
  var cards = {};
  var CONTACT_FIELDS = ['name', 'phone', 'email', 'preferredTimes'];

  /** Notes the labels of a bot card's choices, so a submitted code can be shown by its name. */
  function remember(activity) {
    var intake = activity && activity.channelData && activity.channelData.intake;
    if (!intake || !Array.isArray(activity.attachments)) return;
    activity.attachments.forEach(function (a) {
      if (a.contentType !== CARD || !a.content) return;
      var entry = { labels: {}, none: null };
      (a.content.body || []).forEach(function (b) {
        if (b && b.type === 'Input.ChoiceSet' && Array.isArray(b.choices)) {
          b.choices.forEach(function (c) { entry.labels[c.value] = c.title; });
        }
      });
      (a.content.actions || []).forEach(function (x) {
        if (x && x.type === 'Action.Submit' && x.data && x.data.intake && Array.isArray(x.data.intake.answer) && !x.data.intake.answer.length) entry.none = x.title;
      });
      cards[intake.step] = entry;
    });
  }

  /** What the patient answered, in their words, or null when the submit is not one of the bot's cards. */
  function displayText(value) {
    var intake = value && value.intake;
    if (!intake || typeof intake.step !== 'string') return null;
    var card = cards[intake.step] || { labels: {}, none: null };
    if (Array.isArray(intake.answer) && !intake.answer.length) return card.none || 'None of these';
    if (typeof value.codes === 'string') {
      var codes = value.codes.split(',').filter(Boolean);
      if (!codes.length) return 'Nothing ticked';
      return codes.map(function (code) { return card.labels[code] || code; }).join('; ');
    }
    var contact = CONTACT_FIELDS.map(function (k) { return typeof value[k] === 'string' ? value[k].trim() : ''; }).filter(Boolean);
    if (CONTACT_FIELDS.some(function (k) { return k in value; })) return contact.length ? contact.join(', ') : 'No details given';
    return null;
  }

  window.IntakeAnswers = { remember: remember, displayText: displayText };
})();
