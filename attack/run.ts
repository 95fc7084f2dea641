// `npm run attack`: starts a real server on loopback (embedded database), replays every finding of
// issue 14 against it, and prints per finding "refused"/"held" or NOT HELD; then the totals the issue
// measures: crashes, 5xx answers, patient text left in DATA_DIR. Exit code 1 when anything did not hold.
import { findings } from './findings.js';
import { startTarget } from './target.js';

const target = await startTarget();
let failed = 0;
console.log(`target: ${target.url} (DATA_DIR ${target.dataDir})\n`);
for (const finding of findings) {
  const started = Date.now();
  let verdict: string;
  try {
    verdict = await finding.run(target);
  } catch (error) {
    failed++;
    verdict = `NOT HELD: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!target.alive()) {
    failed++;
    verdict += ' — AND THE SERVER EXITED';
  }
  console.log(`${finding.name}\n    ${verdict} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
const fiveXx = target.statuses.filter((s) => s >= 500).length;
const crashed = !target.alive();
const code = await target.stop();
if (fiveXx > 0 || crashed || code !== 0) failed++;
console.log(`\n${target.statuses.length} requests: ${fiveXx} answered 5xx; server ${crashed ? 'CRASHED' : `alive throughout, stopped cleanly (exit ${code})`}.`);
console.log(failed === 0 ? 'Every finding held.' : `${failed} finding(s) did not hold.`);
process.exit(failed === 0 ? 0 : 1);
