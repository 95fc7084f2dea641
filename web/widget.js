/*
 * The intake chat widget. A clinic pastes one tag into any page of its website:
 *
 *   <script src="https://<bot-host>/widget.js" data-label="Chat with us" async></script>
 *
 * and gets a chat button that opens the bot's patient page in a panel (an iframe from the bot's own
 * origin, so the conversation, its token and its storage never touch the clinic's page).
 * Options (all optional): data-label (button text), data-position="left"|"right",
 * data-colour="#0f766e", data-open="true" (open on load).
 * Only sites listed in the bot's ALLOWED_ORIGINS get the button; the bot's page also refuses to be
 * framed anywhere else (CSP frame-ancestors), so this check is a courtesy, not the lock.
 */
(function () {
  'use strict';

  var CONFIG = /*__WIDGET_CONFIG__*/ null;
  var script = document.currentScript;
  if (!CONFIG || !script || window.__intakeWidget) return;
  window.__intakeWidget = true;

  var botOrigin = new URL(script.src, location.href).origin;
  if (location.origin !== botOrigin && CONFIG.allowedOrigins.indexOf(location.origin) < 0) {
    console.warn('Intake chat: ' + location.origin + ' is not in ALLOWED_ORIGINS of ' + botOrigin + ', so the chat button is not shown.');
    return;
  }

  var data = script.dataset;
  var colour = /^#[0-9a-fA-F]{6}$/.test(data.colour || '') ? data.colour : CONFIG.primary;
  var side = data.position === 'left' ? 'left' : 'right';
  var label = (data.label || 'Chat with us').slice(0, 40);

  var CSS = [
    ':host { all: initial; }',
    '.button { position: fixed; bottom: 20px; ' + side + ': 20px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;',
    '  padding: 12px 18px 12px 14px; border: 0; border-radius: 999px; background: ' + colour + '; color: #fff; cursor: pointer;',
    '  font: 600 15px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; box-shadow: 0 6px 20px rgba(0,0,0,.22); }',
    '.button:hover { filter: brightness(1.08); }',
    '.button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 3px; }',
    '.button svg { width: 22px; height: 22px; flex: none; }',
    '.panel { position: fixed; bottom: 88px; ' + side + ': 20px; z-index: 2147483001; width: 400px; height: 640px;',
    '  max-height: calc(100vh - 110px); max-width: calc(100vw - 40px); border-radius: 16px; overflow: hidden; background: #fff;',
    '  box-shadow: 0 16px 48px rgba(0,0,0,.28); }',
    '.panel[hidden] { display: none; }',
    'iframe { width: 100%; height: 100%; border: 0; display: block; }',
    '@media (max-width: 480px) {',
    '  .panel { inset: 0; width: 100%; height: 100%; max-width: none; max-height: none; border-radius: 0; }',
    '  .open .button { display: none; }',
    '}'
  ].join('\n');

  var host = document.createElement('div');
  host.id = 'intake-chat-widget';
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  // A constructed style sheet is not subject to the host page's CSP style-src; <style> is the fallback.
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    var style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  var wrap = document.createElement('div');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'intake-chat-panel');
  // Built with the DOM, not innerHTML, so host pages that enforce Trusted Types work too.
  var icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z');
  icon.appendChild(path);
  button.appendChild(icon);
  var text = document.createElement('span');
  text.textContent = label;
  button.appendChild(text);

  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'intake-chat-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat with ' + CONFIG.clinicName);

  var frame = null;
  function open() {
    // The iframe (and so the conversation) is created on first open only, not for every visitor.
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = botOrigin + '/?embed=1';
      frame.title = 'Chat with ' + CONFIG.clinicName;
      frame.setAttribute('allow', '');
      panel.appendChild(frame);
    }
    panel.hidden = false;
    wrap.className = 'open';
    button.setAttribute('aria-expanded', 'true');
    text.textContent = 'Close chat';
    setTimeout(function () { frame.focus(); }, 50);
  }
  function close() {
    panel.hidden = true;
    wrap.className = '';
    button.setAttribute('aria-expanded', 'false');
    text.textContent = label;
    button.focus();
  }

  button.addEventListener('click', function () { (panel.hidden ? open : close)(); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) close();
  });
  // The page inside the panel has its own close button; it can only ask, and only it may ask.
  window.addEventListener('message', function (event) {
    if (event.origin !== botOrigin || !frame || event.source !== frame.contentWindow) return;
    if (event.data && event.data.type === 'intake-widget:close') close();
  });

  wrap.appendChild(panel);
  wrap.appendChild(button);
  root.appendChild(wrap);

  function attach() {
    document.body.appendChild(host);
    if (data.open === 'true') open();
  }
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
})();
