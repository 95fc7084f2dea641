// `npm run eval` (understanding) and `npm run eval:safety`: print the scores on the corpus, list every
// wrong reading of the tuning part, and write eval/results.json or eval/safety-results.json.
import { writeFileSync } from 'node:fs';
import { loadAnswers } from './corpus.js';
import { grade } from './readings.js';
import { safety, understanding } from './report.js';

const pct = (a: number, n: number) => (n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);
const out = (name: string, data: unknown) => writeFileSync(new URL(name, import.meta.url), `${JSON.stringify(data, null, 2)}\n`);

if (process.argv.includes('--safety')) {
  const r = safety();
  const a = r.answers;
  const i = r.intakes;
  console.log(`Single answers at non-safety questions: ${a.n} (held-out ${a.heldOutN})`);
  console.log(`  false warning questions: ${a.falseWarnings} (held-out ${a.heldOutFalse}); missed warnings: ${a.missedWarnings} (held-out ${a.heldOutMissed})`);
  console.log(`Whole intakes: ${i.n} (held-out ${i.heldOutN})`);
  console.log(`  false emergency endings ${i.falseEmergencyEndings}, missed emergencies ${i.missedEmergencies}, false urgent warnings ${i.falseUrgentWarnings}, lost warnings ${i.lostWarnings}, loops ${i.loops}`);
  console.log(`  held-out: ${JSON.stringify(i.heldOut)}`);
  console.log(`  recorded fields correct: ${(100 * i.fieldAccuracy).toFixed(1)}%`);
  if (process.argv.includes('--list')) {
    console.log('\nanswers (tuning part):');
    for (const line of a.list) console.log(`  ${line}`);
    console.log('\nintakes (tuning part):');
    for (const line of i.list) console.log(`  ${line}`);
  }
  out('safety-results.json', { ...r, answers: { ...a, list: undefined }, intakes: { ...i, list: undefined } });
} else {
  // `--batch h`: only one author batch (files *.h.jsonl), e.g. a fresh-eyes batch's first-sight score.
  const batch = process.argv[process.argv.indexOf('--batch') + 1];
  const records = loadAnswers().filter((a) => !process.argv.includes('--batch') || a.file.endsWith(`.${batch}.jsonl`));
  const r = understanding(records.map(grade));
  console.log('question          n   correct   held-out n   held-out');
  for (const s of r.steps) console.log(`${s.step.padEnd(16)} ${String(s.n).padStart(4)}  ${pct(s.correct, s.n)}   ${String(s.heldOutN).padStart(8)}   ${pct(s.heldOutCorrect, s.heldOutN)}`);
  const o = r.overall;
  console.log(`${'all'.padEnd(16)} ${String(o.n).padStart(4)}  ${pct(o.correct, o.n)}   ${String(o.heldOutN).padStart(8)}   ${pct(o.heldOutCorrect, o.heldOutN)}`);
  if (process.argv.includes('--list')) {
    console.log('\nquestion | answer | expected | got   (tuning part only)');
    for (const c of r.confusions) console.log(`${c.step} | ${c.text} | ${JSON.stringify(c.expected)} | ${JSON.stringify(c.got)}`);
  }
  console.log(`\n${r.confusions.length} wrong in the tuning part, ${r.heldOutConfusions} in the held-out part (not listed).`);
  const inv = r.heldOutInvented;
  console.log(`Recorded on the held-out part but not said: ${inv.regions} regions, ${inv.causes} causes, ${inv.durations} durations, ${inv.flags} flags.`);
  if (!process.argv.includes('--batch')) out('results.json', { steps: r.steps, overall: r.overall, heldOutConfusions: r.heldOutConfusions, heldOutInvented: r.heldOutInvented, confusions: r.confusions });
}
