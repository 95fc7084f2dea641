/*
 * The progress bar, from channelData.intake on every question (CONTRACT.md §2). Loaded with the page,
 * before Web Chat: the placeholder's questions (preview.js) move it too, and app.js then carries on.
 */
(function () {
  'use strict';

  var ENDINGS = { done: 1, emergency: 1, declined: 1 };

  function show(intake) {
    var progressEl = document.querySelector('.progress');
    var progressBar = document.querySelector('.progress-bar');
    var progressText = document.querySelector('.progress-text');
    if (!intake || !progressEl) return;
    var ended = intake.step in ENDINGS || intake.step === 'booking';
    var p = intake.progress || { index: 0, total: 1 };
    // `part`: which of a step's several questions this is (the movements), so the bar moves on with each.
    var part = p.part && p.part.total > 0 ? p.part : null;
    var done = p.index - 1 + (part ? (part.index - 1) / part.total : 0);
    // One decimal: a step of six questions moves the bar by about 1%, which whole percents would hide.
    var pct = ended ? 100 : Math.max(0, Math.min(100, Math.round((done / p.total) * 1000) / 10));
    progressBar.style.width = pct + '%';
    progressEl.setAttribute('aria-valuenow', String(pct));
    var step = 'Step ' + p.index + ' of ' + p.total;
    var text = intake.step === 'emergency' ? 'Stopped: urgent care' : ended ? 'Finished' : step;
    // Spoken in full; on screen short, so the bar keeps its width on a 320 px phone.
    progressEl.setAttribute('aria-valuetext', part && !ended ? text + ', question ' + part.index + ' of ' + part.total : text);
    progressText.textContent = part && !ended ? text + ' (' + part.index + ' of ' + part.total + ')' : text;
    document.body.classList.toggle('chat-emergency', intake.step === 'emergency');
  }

  window.IntakeProgress = { show: show };
})();
