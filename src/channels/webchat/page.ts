// The patient page (web/index.html) and the widget script (web/widget.js), filled in with the clinic's
// profile. Every value is escaped for where it lands; the page has no inline script, only an inert
// JSON block that web/static/app.js reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClinicProfile } from '../../../dialogs/clinicProfile.js';
import { WEB_DIR } from './assets.js';

const PAGE_TEMPLATE = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
const WIDGET_TEMPLATE = readFileSync(join(WEB_DIR, 'widget.js'), 'utf8');

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside <script type="application/json"> and inside a JS file. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[A-Za-z0-9]/.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
}

/** Only same-origin paths and https/http URLs: the profile is trusted, but a typo must not become `javascript:`. */
function safeLogo(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(https?:\/\/|\/(?!\/))/i.test(url) ? url : undefined;
}

/** The dialable part of a phone number for a tel: link (digits and a leading +). */
export function telDigits(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}

export interface PageInput {
  clinic: ClinicProfile;
  nonce: string;
  embed: boolean;
  webChatVersion: string;
}

export function renderPage({ clinic, nonce, embed, webChatVersion }: PageInput): string {
  const logo = safeLogo(clinic.logoUrl);
  const config = { clinicName: clinic.name, phone: clinic.phone, emergencyNumber: clinic.emergencyNumber, embed };
  const values: Record<string, string> = {
    clinicName: escapeHtml(clinic.name),
    phone: escapeHtml(clinic.phone),
    emergencyNumber: escapeHtml(clinic.emergencyNumber),
    phoneTel: telDigits(clinic.phone),
    emergencyTel: telDigits(clinic.emergencyNumber),
    primary: clinic.colours.primary,
    accent: clinic.colours.accent,
    nonce,
    webChatVersion: escapeHtml(webChatVersion),
    bodyClass: embed ? 'embed' : '',
    logo: logo
      ? `<img class="logo" src="${escapeHtml(logo)}" alt="" width="44" height="44">`
      : `<span class="logo logo-initials" aria-hidden="true">${escapeHtml(initials(clinic.name))}</span>`,
    config: scriptJson(config),
  };
  return PAGE_TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

export interface WidgetInput {
  clinic: ClinicProfile;
  allowedOrigins: readonly string[];
}

export function renderWidget({ clinic, allowedOrigins }: WidgetInput): string {
  const config = { clinicName: clinic.name, primary: clinic.colours.primary, allowedOrigins };
  return WIDGET_TEMPLATE.replace('/*__WIDGET_CONFIG__*/ null', scriptJson(config));
}
