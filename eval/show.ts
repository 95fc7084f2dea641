// `npx tsx eval/show.ts <intake id>`: one simulated intake's transcript, for reading a failure.
import { loadIntakes } from './corpus.js';
import { gradeIntake, runIntake } from './intakes.js';

for (const id of process.argv.slice(2)) {
  const record = loadIntakes().find((r) => r.id === id);
  if (!record) { console.log(`no intake ${id}`); continue; }
  const run = runIntake(record);
  console.log(`# ${id}: ${record.persona ?? ''}\n${run.transcript.join('\n')}\n=> ${JSON.stringify(gradeIntake(run))}\n`);
}
