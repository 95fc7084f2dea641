// The inbox stylesheet, served from /clinic/assets/inbox.css (a Content-Security-Policy forbids
// inline styles). The clinic's own colour heads the page; triage colours never carry meaning alone:
// every badge also says what it is.
import type { ClinicProfile } from '../../../dialogs/clinicProfile.js';

export function inboxCss(clinic: ClinicProfile): string {
  return `
:root {
  --brand: ${clinic.colours.primary};
  --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --paper: #ffffff; --wash: #f4f6f8;
  --emergency: #b42318; --emergency-bg: #fdecea;
  --doctor: #b54708; --doctor-bg: #fef0e6;
  --review: #8a6100; --review-bg: #fdf6d8;
  --routine: #1d6b4f; --routine-bg: #e6f4ee;
  --abandoned: #55606e; --abandoned-bg: #eceff3;
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--wash); }
body { margin: 0; line-height: 1.45; font-size: 15px; }
a { color: var(--brand); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
.topbar { background: var(--brand); color: #fff; }
.topbar .wrap { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding-top: .7rem; padding-bottom: .7rem; }
.topbar a { color: #fff; text-decoration: none; font-weight: 600; }
.topbar .clinic { font-size: 1.05rem; }
.topbar .clinic small { font-weight: 400; opacity: .85; margin-left: .4rem; }
.wrap { max-width: 1120px; margin: 0 auto; padding-left: 1.25rem; padding-right: 1.25rem; }
main.wrap { padding-top: 1.25rem; padding-bottom: 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 .5rem; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
button, .button { font: inherit; font-size: .9rem; border-radius: 6px; border: 1px solid var(--line); background: var(--paper); color: var(--ink); padding: .4rem .8rem; cursor: pointer; text-decoration: none; display: inline-block; line-height: 1.3; }
button.primary, .button.primary { background: var(--brand); border-color: var(--brand); color: #fff; }
button.danger { color: var(--emergency); border-color: #f1b5ae; }
.topbar button { background: transparent; color: #fff; border-color: rgba(255,255,255,.6); }
form.inline { display: inline; margin: 0; }

/* badges */
.badge { display: inline-block; font-size: .78rem; font-weight: 600; border-radius: 999px; padding: .1rem .6rem; white-space: nowrap; border: 1px solid transparent; }
.badge.emergency { color: var(--emergency); background: var(--emergency-bg); border-color: #f5c2bc; }
.badge.see_doctor_first { color: var(--doctor); background: var(--doctor-bg); border-color: #f9cfb0; }
.badge.therapist_review { color: var(--review); background: var(--review-bg); border-color: #efdc9a; }
.badge.routine { color: var(--routine); background: var(--routine-bg); border-color: #b5dccb; }
.badge.none, .badge.abandoned { color: var(--abandoned); background: var(--abandoned-bg); border-color: #d3d9e0; }
.badge.outline { background: transparent; border-color: var(--line); color: var(--muted); font-weight: 500; }
.badge.review-new { color: #1e3a8a; background: #dbeafe; border-color: #93c5fd; }
.badge.review-seen { color: var(--muted); background: transparent; border-color: var(--line); font-weight: 500; }
.badge.review-handled { color: var(--routine); background: var(--routine-bg); border-color: #b5dccb; }
tr.review-new .who > a { font-weight: 700; }
ul.flags { margin: .3rem 0 0; padding-left: 1rem; font-size: .8rem; }
ul.flags li.flag-emergency { color: var(--emergency); font-weight: 600; }
ul.flags li.flag-mentioned { font-style: italic; }
.alert .mentioned { margin-top: .5rem; }
.alert .follow-up { margin-top: .15rem; }
.dot { display: inline-block; width: .55rem; height: .55rem; border-radius: 50%; margin-right: .35rem; vertical-align: middle; background: var(--line); }
.dot.delivered { background: var(--routine); } .dot.failing { background: var(--emergency); } .dot.pending { background: #d4a72c; }

/* list */
.filters button { height: 2.25rem; }
.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: .8rem 1rem; margin: 1rem 0; }
.filters label { display: flex; flex-direction: column; font-size: .78rem; color: var(--muted); gap: .2rem; }
.filters select, .filters input { font: inherit; font-size: .9rem; height: 2.25rem; padding: 0 .5rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
table.intakes { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
table.intakes th { text-align: left; font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); background: #fafbfc; padding: .6rem .8rem; border-bottom: 1px solid var(--line); }
table.intakes td { padding: .65rem .8rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
table.intakes tr:last-child td { border-bottom: 0; }
table.intakes tbody tr:hover { background: #f7fafb; }
table.intakes td.who a { font-weight: 600; text-decoration: none; color: var(--ink); }
table.intakes td.who a:hover { text-decoration: underline; }
table.intakes tr.emergency td:first-child { box-shadow: inset 4px 0 0 var(--emergency); }
table.intakes tr.see_doctor_first td:first-child { box-shadow: inset 4px 0 0 var(--doctor); }
table.intakes tr.therapist_review td:first-child { box-shadow: inset 4px 0 0 #d4a72c; }
.pager { display: flex; justify-content: space-between; margin-top: 1rem; }
.empty { background: var(--paper); border: 1px dashed var(--line); border-radius: 10px; padding: 2.5rem; text-align: center; color: var(--muted); }
.notice { background: var(--routine-bg); color: var(--routine); border-radius: 8px; padding: .6rem .9rem; margin-bottom: 1rem; }

/* detail */
.crumbs { margin-bottom: .75rem; font-size: .9rem; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
.head .badges { display: flex; gap: .4rem; margin-top: .35rem; flex-wrap: wrap; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.alert { border-radius: 10px; padding: .8rem 1rem; margin-bottom: 1rem; border: 1px solid; }
.alert.emergency { background: var(--emergency-bg); border-color: #f5c2bc; color: #7a1a12; }
.alert.see_doctor_first { background: var(--doctor-bg); border-color: #f9cfb0; color: #7a3306; }
.alert.therapist_review { background: var(--review-bg); border-color: #efdc9a; color: #5c4100; }
.alert.routine { background: var(--routine-bg); border-color: #b5dccb; color: #15503b; }
.alert.none { background: var(--abandoned-bg); border-color: #d3d9e0; color: #3c4652; }
.alert strong { display: block; margin-bottom: .2rem; }
.alert ul { margin: .3rem 0 0; padding-left: 1.2rem; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: .9rem 1rem; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.pain { display: grid; grid-template-columns: 4.5rem 1fr 3rem; align-items: center; gap: .5rem; margin: .35rem 0; }
.pain .bar { height: .7rem; background: var(--wash); border-radius: 999px; overflow: hidden; border: 1px solid var(--line); }
.pain .bar span { display: block; height: 100%; background: linear-gradient(90deg, #f1c232, #e8743b 60%, #c0392b); }
.pain .score { font-weight: 700; text-align: right; }
${Array.from({ length: 11 }, (_, i) => `.w${i} { width: ${i * 10}%; }`).join(' ')}
table.limits { width: 100%; border-collapse: collapse; }
table.limits td { padding: .3rem 0; border-bottom: 1px solid var(--wash); }
table.limits td:last-child { text-align: right; white-space: nowrap; }
.level { display: inline-flex; gap: 2px; vertical-align: middle; margin-left: .4rem; }
.level i { width: .7rem; height: .45rem; border-radius: 2px; background: var(--line); }
.level i.on { background: var(--doctor); }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: .15rem 0; }
.nowrap { white-space: nowrap; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.word-columns { columns: 2 22rem; column-gap: 1.5rem; }
.word-group { break-inside: avoid; }
.spread { margin-top: .5rem; }
blockquote { margin: .25rem 0 .6rem; padding: .35rem .7rem; border-left: 3px solid var(--line); background: #fafbfc; overflow-wrap: anywhere; white-space: pre-wrap; }
.words h3 { font-size: .85rem; margin: .5rem 0 .1rem; color: var(--muted); font-weight: 600; }
.unanswered { color: var(--muted); font-style: italic; }
.disclaimer { font-size: .8rem; color: var(--muted); margin-top: 1rem; }

/* sign-in */
.signin { max-width: 380px; margin: 12vh auto; background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 1.75rem; }
.signin label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
.signin input { width: 100%; font: inherit; padding: .55rem .6rem; border: 1px solid var(--line); border-radius: 6px; }
.signin button { width: 100%; margin-top: 1rem; padding: .6rem; }
.error { color: var(--emergency); background: var(--emergency-bg); border-radius: 6px; padding: .5rem .7rem; margin-top: .8rem; }

@media (max-width: 760px) {
  .grid { grid-template-columns: 1fr; }
  table.intakes .opt { display: none; }
}

/* print: one A4 page, no screen furniture */
.print-only { display: none; }
@page { size: A4; margin: 11mm 12mm; }
@media print {
  html, body { background: #fff; font-size: 9.5pt; line-height: 1.32; }
  .topbar, .crumbs, .actions, .no-print { display: none !important; }
  .print-only { display: block; }
  main.wrap { max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  .head { margin-bottom: 2.5mm; }
  .grid { gap: 2.5mm; grid-template-columns: 1fr 1fr; }
  .card { padding: 2mm 3mm; border-radius: 4px; break-inside: avoid; }
  .alert { padding: 2mm 3mm; margin-bottom: 2.5mm; border-radius: 4px; }
  .badge, .alert, .pain .bar span, .level i.on, .dot { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  blockquote { margin: .5mm 0 1.2mm; padding: .6mm 2mm; }
  .words h3 { margin: 1mm 0 0; }
  .word-columns { columns: 2; column-gap: 5mm; }
  .grid { align-items: start; }
  a { color: inherit; text-decoration: none; }
  .disclaimer { margin-top: 2mm; font-size: 7.5pt; }
}
.print-page { background: #fff; }
.print-page main.wrap { max-width: 186mm; padding-top: 8mm; }
.print-header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid var(--brand); padding-bottom: 1.5mm; margin-bottom: 3mm; }
.print-header strong { color: var(--brand); font-size: 11pt; }
`;
}

/** Tiny progressive enhancement: a print button and a confirm before deleting. */
export const INBOX_JS = `
document.querySelectorAll('[data-print]').forEach(function (b) {
  b.hidden = false;
  b.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('form[data-confirm]').forEach(function (f) {
  f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
});
`;
