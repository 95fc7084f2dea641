// `npm run bench [-- --quick]`: starts its own servers (child processes), drives simulated patients
// through POST /api/messages with expectReplies at fixed connection counts, measures the botbuilder
// echo floor in the same run, prints a table and writes bench/results.json.
//
//   --quick                 short runs (about a minute and a half in all)
//   --configs a,b           echo-floor,intake-memory,intake-pglite,intake-postgres (default: all)
//   --connections 1,16      connection counts (default 1,16,64,256)
//   --seconds N             seconds per measured run (default 5, quick 2)
//   --rounds N              interleaved rounds per connection count, best kept (default 2, quick 1)
//   --idle N                conversations for the RSS measurement (default 10000, quick 1000)
//   --database-url URL      PostgreSQL for intake-postgres (default TEST_DATABASE_URL, then DATABASE_URL)
//   --log-level L           the servers' LOG_LEVEL (default info, as `npm start`)
//   --no-directline         skip the Direct Line path
//   --no-page               skip the patient page in Chromium (first message cold/warm, click → next)
//   --page-only             only the patient page
//   --page-samples N        page timings are the median of N (default 10, quick 3)
//   --profile DIR           write a CPU profile of each server's 16-connection run (and of the Direct Line run) into DIR
//   --out FILE              default bench/results.json
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench } from './bench.js';
import { runPageBench } from './page.js';
import { formatResults } from './report.js';
import { SERVER_CONFIGS, type ServerConfig } from './servers.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      configs: { type: 'string' },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      idle: { type: 'string' },
      'database-url': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'no-directline': { type: 'boolean', default: false },
      'no-page': { type: 'boolean', default: false },
      'page-only': { type: 'boolean', default: false },
      'page-samples': { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string', default: join(here, 'results.json') },
    },
  });
  const quick = values.quick!;
  const configs = (values.configs?.split(',') ?? [...SERVER_CONFIGS]) as ServerConfig[];
  for (const c of configs) if (!SERVER_CONFIGS.includes(c)) throw new Error(`unknown config ${c} (one of ${SERVER_CONFIGS.join(', ')})`);
  const numbers = (s: string) => s.split(',').map((n) => {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 1) throw new Error(`not a positive whole number: ${n}`);
    return v;
  });
  if (values.profile) await mkdir(resolve(values.profile), { recursive: true });
  const started = Date.now();
  const log = (line: string) => console.log(line);
  const pageSamples = values['page-samples'] ? numbers(values['page-samples'])[0]! : quick ? 3 : 10;
  if (values['page-only']) {
    const page = await runPageBench({ samples: pageSamples, logLevel: values['log-level']!, log });
    console.log(JSON.stringify(page, null, 2));
    return;
  }
  const results = await runBench({
    configs,
    connections: values.connections ? numbers(values.connections) : [1, 16, 64, 256],
    seconds: values.seconds ? Number(values.seconds) : quick ? 2 : 5,
    rounds: values.rounds ? Number(values.rounds) : quick ? 1 : 2,
    warmup: quick ? 2 : 4,
    idleConversations: values.idle !== undefined ? Number(values.idle) : quick ? 1_000 : 10_000,
    idleWarmup: quick ? 500 : 2_000,
    databaseUrl: values['database-url'] ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    logLevel: values['log-level']!,
    directline: !values['no-directline'],
    profileDir: values.profile ? resolve(values.profile) : undefined,
    quick,
    log,
  });
  // After the load runs, on a quiet machine: the page timings are latencies, not throughput.
  const page = values['no-page'] ? null : await runPageBench({ samples: pageSamples, logLevel: values['log-level']!, log });
  await writeFile(values.out!, `${JSON.stringify(page ? { ...results, page } : results, null, 2)}\n`);
  console.log(`\n${formatResults(results)}\n\nWrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
