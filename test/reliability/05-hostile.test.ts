// Hostile API answers: a proxy in front of the emulator replaces chosen answers with HTML error
// pages, a login page with status 200, truncated JSON (after the create happened), a body cut off
// mid-way, mistyped JSON, errors with status 200, a slow-loris body and no answer at all. A real
// `terraform apply` runs the real handlers through it: each must fail with one clear imco-bridge
// line (no stack trace, no TypeError) and end by itself within its deadline (the objects'
// timeoutSeconds), or recover on its own; then, with the proxy forwarding faithfully again, one
// re-apply converges with every object exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings, Script, Subnet, Vpc } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { seedsOf } from '../support/seeds';
import { credentialEnv, declaredObjects, type Declared } from './support/estate';
import { answer, hang, startHostileProxy, trickle, type HostileProxy, type Tamper } from './support/hostile-proxy';
import { bridgeCommand, forbid, record, scratch, withEnv } from './support/run';
import { summary } from './support/summary';
import { tf, tfOk } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'hostile';
/** Every object's timeoutSeconds: the handler's deadline. */
const DEADLINE_S = 8;
/** A handler still running this long after its deadline is hung. */
const HUNG_MS = 90_000;

interface Hostility {
  readonly name: string;
  readonly tamper: Tamper;
  /** `error`: the apply fails with a line matching `says`; `recovers`: the handler copes and the apply succeeds. */
  readonly outcome: 'error' | 'recovers';
  readonly says?: RegExp;
}

const json = (body: Buffer): unknown => JSON.parse(body.toString('utf8'));
const is = (req: { method: string; path: string }, method: string, path: string) => req.method === method && req.path === path;

const HTML_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Sign in - Corporate Web Gateway</title></head><body><form action="/login"><input name="user"></form></body></html>';

const CASES: Hostility[] = [
  {
    name: 'HTML error page (502 from a gateway)',
    tamper: async (req, res) => (req.path.startsWith('/network/firewall_profiles') ? (answer(res, 502, HTML_502, 'text/html'), 'done') : 'forward'),
    outcome: 'error',
    says: /failed \(502\): HTML page: 502 Bad Gateway.*gave up after \d+ attempts/,
  },
  {
    name: 'HTML login page with status 200',
    tamper: async (req, res) => (is(req, 'GET', '/labels') ? (answer(res, 200, LOGIN_PAGE, 'text/html'), 'done') : 'forward'),
    outcome: 'error',
    says: /answered 200 with a body that is not JSON \(HTML page: Sign in - Corporate Web Gateway\)/,
  },
  {
    name: 'truncated JSON after the create happened',
    tamper: async (req, res, upstream) => {
      if (!is(req, 'POST', '/network/firewall_profiles')) return 'forward';
      const up = await upstream();
      answer(res, up.status, up.body.subarray(0, Math.floor(up.body.length / 2)).toString('utf8'));
      return 'done';
    },
    outcome: 'error',
    says: /POST \/network\/firewall_profiles answered 201 with a body that is not JSON/,
  },
  {
    name: 'answer cut off mid-body after the create happened',
    tamper: async (req, res, upstream) => {
      if (!is(req, 'POST', '/network/vpcs')) return 'forward';
      const up = await upstream();
      res.writeHead(up.status, { 'content-type': 'application/json', 'content-length': String(up.body.length) });
      res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
      setTimeout(() => res.destroy(), 20);
      return 'done';
    },
    outcome: 'recovers',
  },
  {
    name: 'a list answered with an object',
    tamper: async (req, res, upstream) => {
      if (!is(req, 'GET', '/labels')) return 'forward';
      const up = await upstream();
      answer(res, 200, JSON.stringify({ labels: json(up.body) }));
      return 'done';
    },
    outcome: 'error',
    says: /GET \/labels answered 200 with a JSON object where a list was expected/,
  },
  {
    name: 'a created object with a numeric id and mistyped fields',
    tamper: async (req, res, upstream) => {
      if (!is(req, 'POST', '/blueprint/scripts')) return 'forward';
      const up = await upstream();
      const created = json(up.body) as Record<string, unknown>;
      answer(res, up.status, JSON.stringify({ ...created, id: 424242, name: ['not', 'a', 'string'], parameters: 'none' }));
      return 'done';
    },
    outcome: 'error',
    says: /POST \/blueprint\/scripts answered 201 with an object whose id is not a string/,
  },
  {
    name: 'a create answered 200 with an error body',
    tamper: async (req, res) =>
      is(req, 'POST', '/network/firewall_profiles') ? (answer(res, 200, '{"errors":{"base":["quota of firewall profiles exceeded"]}}'), 'done') : 'forward',
    outcome: 'error',
    says: /POST \/network\/firewall_profiles answered 200 with an error: quota of firewall profiles exceeded/,
  },
  {
    name: 'a list answered 200 with an error body',
    tamper: async (req, res) => (is(req, 'GET', '/network/vpcs') ? (answer(res, 200, '{"error":"database unavailable"}'), 'done') : 'forward'),
    outcome: 'error',
    says: /GET \/network\/vpcs answered 200 with an error: database unavailable/,
  },
  {
    name: 'slow-loris answer (one byte every 200 ms)',
    tamper: async (req, res) => (is(req, 'GET', '/labels') ? (trickle(res, 200), 'done') : 'forward'),
    outcome: 'error',
    says: /GET \/labels: no complete answer from 127\.0\.0\.1:\d+ within \d+ ms/,
  },
  {
    name: 'no answer at all',
    tamper: async (req, res) => (is(req, 'GET', '/network/vpcs') ? (hang(res), 'done') : 'forward'),
    outcome: 'error',
    says: /GET \/network\/vpcs: no answer from 127\.0\.0\.1:\d+ within \d+ ms/,
  },
];

let emulator: TestEmulator;
let proxy: HostileProxy;
let env: Record<string, string>;
const stacks: { dir: string; name: string; declared: Declared[] }[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator') });
  forbid([readFileSync(emulator.clientKey, 'utf8'), readFileSync(join(emulator.dir, 'certs', 'server.key'), 'utf8')]);
  proxy = await startHostileProxy(emulator);
  env = { ...credentialEnv(emulator), CONCERTO_ENDPOINT: proxy.endpoint, IMCO_BRIDGE_MARKERS: scratch(SUITE, 'markers'), IMCO_BRIDGE_DEBUG: '0' };
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

/** A small stack (firewall profile, VPC with a subnet, script) of its own for each case, via the proxy. */
function synth(name: string): { dir: string; declared: Declared[] } {
  const outdir = scratch(SUITE, `${name}-out`);
  const seeds = seedsOf(emulator);
  const declared = withEnv(env, () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, name);
    new LocalBackend(stack, { path: join(outdir, 'terraform.tfstate') });
    const timeouts = { firewall_profile: DEADLINE_S, vpc: DEADLINE_S, subnet: DEADLINE_S, script: DEADLINE_S };
    new ImcoSettings(stack, 'imco', { endpoint: proxy.endpoint, timeouts, bridgeCommand: bridgeCommand() });
    new FirewallProfile(stack, 'fw', { name: `${name}-fw`, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    const vpc = new Vpc(stack, 'net', { name: `${name}-net`, cidr: `10.${70 + stacks.length}.0.0/16`, cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
    new Subnet(stack, 'sub', { vpc, name: `${name}-sub`, cidr: `10.${70 + stacks.length}.1.0/24`, type: 'only_public' });
    new Script(stack, 'tool', { name: `${name}-tool`, code: 'echo tool' });
    app.synth();
    return declaredObjects(stack);
  });
  return { dir: join(outdir, 'stacks', name), declared };
}

/** The imco-bridge error lines of a terraform run (terraform wraps them; unwrap first). */
function bridgeLines(text: string): string[] {
  const flat = text.replace(/\n(?=\S)/g, '\n').replace(/([^\n])\n(?! |\n|\w+(_\w+)*\.|Error|╷|│|╵)/g, '$1 ');
  return flat.split('\n').filter((l) => /imco-bridge (create|update|delete)\s\S+:/.test(l)).map((l) => l.replace(/^.*?(imco-bridge (create|update|delete))/, '$1').trim());
}

const results: Record<string, unknown>[] = [];

describe.each(CASES.map((c, i) => ({ ...c, i })))('$name', ({ name, tamper, outcome, says, i }) => {
  test(outcome === 'error' ? 'one clear handler error, the handler ends by itself, a re-apply repairs' : 'the handler recovers', async () => {
    const stackName = `hostile-${i}`;
    const stack = synth(stackName);
    stacks.push({ dir: stack.dir, name: stackName, declared: stack.declared });
    await tfOk(stack.dir, ['init', '-input=false', '-no-color'], { suite: SUITE, env });

    proxy.tamper(tamper);
    const hostile = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env, maxMs: HUNG_MS });
    const tampered = proxy.tampered;
    proxy.pass();
    const output = hostile.stdout + hostile.stderr;
    record(SUITE, 'errors.log', bridgeLines(output).join('\n'));
    expect({ hung: hostile.killed }).toEqual({ hung: false });
    expect(tampered).toBeGreaterThan(0);
    expect(output).not.toMatch(/TypeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|^\s+at .*\.js:\d+/m);
    if (outcome === 'error') {
      expect(hostile.code).not.toBe(0);
      const lines = bridgeLines(output);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((l) => says!.test(l))).not.toEqual([]);
    } else {
      expect(hostile.code).toBe(0);
    }

    const repaired = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
    expect({ code: repaired.code, err: repaired.code === 0 ? '' : repaired.stderr.slice(-2000) }).toEqual({ code: 0, err: '' });
    await emulator.settle();
    const state = convergence(emulator, stacks.map((s) => s.name), stacks.flatMap((s) => s.declared));
    expect(state.problems).toEqual([]);
    results.push({ case: name, exit: hostile.code, seconds: Math.round(hostile.ms / 1000), line: bridgeLines(output).find((l) => !says || says.test(l)) ?? '' });
  });
});

test('every stack destroys cleanly through the proxy; nothing is left', async () => {
  proxy.pass();
  for (const s of stacks) await tfOk(s.dir, ['destroy', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);
  summary(SUITE, { deadlineSeconds: DEADLINE_S, cases: results });
});
