// Each finding of issue 14, replayed against the running target. A finding answers "refused" (the
// attack got a 4xx, or nothing) or "held" (what must survive did), or throws with what went wrong.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { tmpdir } from 'node:os';
import type { Target } from './target.js';

export interface Finding {
  name: string;
  run(t: Target): Promise<string>;
}

class NotHeld extends Error {}
const expect = (ok: boolean, what: string) => {
  if (!ok) throw new NotHeld(what);
};

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const activity = (conversationId: string, extra: Record<string, unknown>) => ({ type: 'message', channelId: 'emulator', conversation: { id: conversationId }, from: { id: 'patient' }, deliveryMode: 'expectReplies', ...extra });

async function bot(t: Target, conversationId: string, text: string): Promise<Array<Record<string, any>>> {
  const res = await t.http('/api/messages', json(activity(conversationId, { text })));
  return res.status === 200 ? (((await res.json()) as { activities: Array<Record<string, any>> }).activities ?? []) : [];
}

const stepOf = (list: Array<Record<string, any>>) => list.filter((a) => a['channelData']?.intake).at(-1)?.['channelData'].intake.step as string | undefined;

/** A Web Chat patient: token, start, then answers over Direct Line; returns a function to say more. */
async function webChatPatient(t: Target, ip: string) {
  const minted = (await (await t.http('/api/webchat/token', json({}, { 'x-forwarded-for': ip }))).json()) as { token: string; conversationId: string };
  const auth = { authorization: `Bearer ${minted.token}`, 'x-forwarded-for': ip };
  await t.http('/v3/directline/conversations', { method: 'POST', headers: auth });
  const say = async (text: string) => {
    await t.http(`/v3/directline/conversations/${minted.conversationId}/activities`, json({ type: 'message', from: { id: 'p' }, text }, auth));
    const page = (await (await t.http(`/v3/directline/conversations/${minted.conversationId}/activities`, { headers: auth })).json()) as { activities: Array<Record<string, any>> };
    return page.activities;
  };
  return { conversationId: minted.conversationId, token: minted.token, say };
}

/** Answers through to `done`, the contact line last. */
async function wholeIntake(say: (text: string) => Promise<Array<Record<string, any>>>, contact: string): Promise<void> {
  let list = await say('hi');
  for (const text of ['yes', 'lower back']) list = await say(text);
  if (stepOf(list) === 'side') list = await say('left');
  for (const text of ['no', '3 weeks', 'lifting', '5', '7']) list = await say(text);
  while (stepOf(list) === 'movement') list = await say('some');
  list = await say('none of these');
  while (stepOf(list) === 'red_flags') list = await say('no');
  if (stepOf(list) === 'precautions') list = await say('none');
  list = await say('yes');
  list = await say(contact);
  expect(stepOf(list) === 'done', `the scripted intake ended at ${stepOf(list)}, not done`);
}

async function filesHolding(dir: string, marker: string): Promise<string[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path).catch(() => Buffer.alloc(0))).includes(Buffer.from(marker))) found.push(path);
  }
  return found;
}

/** A gzip stream that inflates to `mb` megabytes of zeros, built without holding them. */
function gzipBomb(mb: number): Readable {
  const zeros = Buffer.alloc(1024 * 1024);
  let left = mb;
  const source = new Readable({
    read() {
      this.push(left-- > 0 ? zeros : null);
    },
  });
  return source.pipe(createGzip({ level: 9 }));
}

export const findings: Finding[] = [
  {
    name: '1. gzip that is not gzip, a gzip bomb, and a body past the limit (every body-reading route)',
    async run(t) {
      const chat = await webChatPatient(t, '198.51.100.10');
      const routes = ['/api/messages', '/clinic/login', '/api/webchat/token', `/v3/directline/conversations/${chat.conversationId}/activities`];
      const codes: number[] = [];
      for (const path of routes) {
        const headers = { 'content-type': path === '/clinic/login' ? 'application/x-www-form-urlencoded' : 'application/json', authorization: `Bearer ${chat.token}` };
        codes.push((await t.http(path, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: 'not gzip' })).status);
        const bomb = Readable.toWeb(gzipBomb(200)) as ReadableStream;
        codes.push(await t.http(path, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: bomb, duplex: 'half' }).then((r) => r.status, () => 413));
        const big = Readable.toWeb(Readable.from((function* () { for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 0x20); })())) as ReadableStream;
        codes.push(await t.http(path, { method: 'POST', headers, body: big, duplex: 'half' }).then((r) => r.status, () => 413));
      }
      expect(t.alive(), 'the server exited');
      expect(codes.every((c) => c >= 400 && c < 500), `answers ${codes.join(',')}`);
      return `refused: ${codes.length} requests (gzip garbage, a 200 MB gzip bomb, 4 MB chunked) answered ${[...new Set(codes)].join('/')}, server alive`;
    },
  },
  {
    name: '2. channelId "directline" + a patient\'s Web Chat conversation id on /api/messages (read, "back", "delete my data")',
    async run(t) {
      const patient = await webChatPatient(t, '198.51.100.20');
      for (const text of ['hi', 'yes']) await patient.say(text);
      const codes: number[] = [];
      for (const text of ['summary', 'back', 'delete my data']) {
        for (const channelId of ['directline', 'DirectLine']) codes.push((await t.http('/api/messages', json({ ...activity(patient.conversationId, { text }), channelId }))).status);
      }
      codes.push((await t.http('/api/messages', json(activity('x', { text: 'hi' }), { 'x-forwarded-for': '203.0.113.5' }))).status);
      expect(codes.every((c) => c === 403 || c === 401), `answers ${codes.join(',')}`);
      const list = await patient.say('neck');
      expect(stepOf(list) !== 'consent' && stepOf(list) !== 'location', 'the patient\'s intake was changed');
      return `refused: ${codes.join(',')}; the patient's intake carried on untouched`;
    },
  },
  {
    name: '3. SSRF: an anonymous activity whose serviceUrl is another host',
    async run(t) {
      const codes: number[] = [];
      for (const serviceUrl of ['http://10.255.255.1/steal', 'https://example.com/', 'http://169.254.169.254/latest/meta-data']) {
        const { deliveryMode: _, ...live } = activity('ssrf', { text: 'hi', serviceUrl });
        codes.push((await t.http('/api/messages', json(live))).status);
      }
      expect(codes.every((c) => c === 400), `answers ${codes.join(',')}`);
      return `refused: ${codes.join(',')} before any reply was sent`;
    },
  },
  {
    name: '5. the generated Direct Line secret in the log',
    async run(t) {
      const out = t.output();
      expect(/generated one and stored it/.test(out), 'the start-up line about the secret is missing');
      expect(!/DIRECTLINE_SECRET=[A-Za-z0-9_-]{20,}/.test(out) && !/[A-Za-z0-9_-]{43}/.test(out), 'something secret-shaped is in the log');
      return 'held: the log says where the secret is and how to set one, and shows none';
    },
  },
  {
    name: '6. two servers taking over a stale data-folder lock at the same moment',
    async run() {
      const dir = await mkdtemp(join(tmpdir(), 'intake-attack-lock-'));
      await writeFile(join(dir, 'intake-bot.lock'), String(spawnSync(process.execPath, ['-e', '']).pid));
      const at = Date.now() + 3000;
      const script = `import { acquireDataDirLock } from './src/store/dataDirLock.ts';
        await new Promise((r) => setTimeout(r, ${at} - Date.now()));
        try { const release = await acquireDataDirLock(${JSON.stringify(dir)}); console.log('won'); await new Promise((r) => setTimeout(r, 1500)); await release(); } catch { console.log('locked'); }`;
      const one = () =>
        new Promise<string>((resolve) => {
          let out = '';
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
          child.stdout.on('data', (d) => (out += d));
          child.on('exit', () => resolve(out.trim()));
        });
      const results = await Promise.all([one(), one(), one()]);
      expect(results.filter((r) => r === 'won').length === 1, `results: ${results.join(',')}`);
      return `held: ${results.sort().join(', ')}`;
    },
  },
  {
    name: '7. 8 clients minting chats as fast as they can',
    async run(t) {
      let granted = 0;
      let refused = 0;
      await Promise.all(
        Array.from({ length: 8 }, async (_, client) => {
          for (let i = 0; i < 60; i++) {
            const status = (await t.http('/api/webchat/token', json({}, { 'x-forwarded-for': `203.0.113.${100 + client}` }))).status;
            if (status === 200) granted++;
            else if (status === 429) refused++;
          }
        }),
      );
      expect(granted <= 8 * 10, `${granted} chats granted`);
      return `refused: ${refused} of ${granted + refused} (each client got its burst of ${granted / 8}, then 429)`;
    },
  },
  {
    name: '8a. a signed-out staff cookie, reused',
    async run(t) {
      const signIn = await t.http('/clinic/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${t.clinicToken}` });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      await t.http('/clinic/logout', { method: 'POST', redirect: 'manual', headers: { cookie } });
      const reuse = await t.http('/clinic', { headers: { cookie }, redirect: 'manual' });
      expect(reuse.status === 303, `the old cookie answered ${reuse.status}`);
      return 'refused: the copied cookie goes back to the sign-in page';
    },
  },
  {
    name: '8b. guessing the clinic token',
    async run(t) {
      const codes: number[] = [];
      for (let i = 0; i < 30; i++) {
        codes.push((await t.http('/clinic/login', { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.77' }, body: `token=guess${i}` })).status);
      }
      const throttled = codes.filter((c) => c === 429).length;
      expect(throttled >= 20, `only ${throttled} of 30 guesses throttled`);
      return `refused: ${throttled} of 30 guesses got 429 (the first ${30 - throttled} a 401)`;
    },
  },
  {
    name: '8c. malformed conversationUpdate and invoke activities',
    async run(t) {
      const codes: number[] = [];
      for (const extra of [{ type: 'conversationUpdate', membersAdded: 'x' }, { type: 'conversationUpdate', membersAdded: [null] }, { type: 'invoke' }, { type: 'invoke', name: 'adaptiveCard/action', value: {} }]) {
        codes.push((await t.http('/api/messages', json(activity('malformed', extra)))).status);
      }
      expect(codes.every((c) => c === 400), `answers ${codes.join(',')}`);
      return `refused: ${codes.join(',')}`;
    },
  },
  {
    name: '8d. 20 different answers at once to one conversation over /api/messages',
    async run(t) {
      await bot(t, 'burst', 'hi');
      await bot(t, 'burst', 'yes');
      const answers = ['neck', 'no', '3 weeks', 'lifting', '5', '7', 'some', 'some', 'some', 'none of these', 'none', 'yes', 'no', 'back', 'help', 'neck', 'left', 'ok', 'maybe', 'stress'];
      const replies = await Promise.all(answers.map((text) => bot(t, 'burst', text)));
      const apologies = replies.flat().filter((a) => /went wrong/.test(String(a['text'] ?? ''))).length;
      expect(apologies === 0, `${apologies} apologies`);
      return 'held: 20 answers, 0 apologies';
    },
  },
  {
    name: '8e. a client that sends its headers a byte at a time',
    async run(t) {
      const { port } = new URL(t.url);
      const started = Date.now();
      const closedAfter = await new Promise<number>((resolve) => {
        const socket = new Socket();
        let timer: NodeJS.Timeout;
        socket.connect(Number(port), '127.0.0.1', () => {
          socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
          timer = setInterval(() => socket.write('X-Slow: a\r\n'), 1000);
        });
        socket.on('error', () => {});
        socket.on('close', () => {
          clearInterval(timer);
          resolve(Date.now() - started);
        });
        setTimeout(() => socket.destroy(), 90_000).unref();
      });
      expect(closedAfter < 60_000, `still connected after ${Math.round(closedAfter / 1000)} s`);
      return `refused: cut off after ${Math.round(closedAfter / 1000)} s`;
    },
  },
  {
    name: '4 + 8f. "delete my data" leaves nothing on disk; a hanging webhook receiver holds no other delivery',
    async run(t) {
      const marker = `Quoll${Date.now().toString(36)}`;
      const first = await webChatPatient(t, '198.51.100.30');
      await wholeIntake(first.say, `Ann ${marker} 0412 345 678`);
      const second = await webChatPatient(t, '198.51.100.31');
      await wholeIntake(second.say, 'Bea Smith 0412 345 679');
      // The receiver holds the first delivery open for the 60 s timeout; the second must not wait for it.
      const deadline = Date.now() + 20_000;
      while (t.webhook.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(t.webhook.received.length >= 2 && t.webhook.heldOpen === 1, `webhook: ${t.webhook.received.length} received in 20 s with one held open`);
      const before = (await filesHolding(t.dataDir, marker)).length;
      await first.say('delete my data');
      const until = Date.now() + 60_000;
      let left = await filesHolding(t.dataDir, marker);
      while (left.length > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 1000));
        left = await filesHolding(t.dataDir, marker);
      }
      expect(before > 0, 'the marker never reached the disk, so the check proves nothing');
      expect(left.length === 0, `the patient's name is still in ${left.join(', ')}`);
      return `held: the name was in ${before} file(s), in none after the scrub; the 2nd delivery did not wait for the held 1st`;
    },
  },
];
