// The hostile answers of the hostile suites (provisioner and provider flavour), as tampers of the
// hostile proxy: HTML error pages, a login page with status 200, truncated JSON (after the create
// happened), a body cut off mid-way, mistyped JSON, errors with status 200, a slow-loris body and no
// answer at all, each with the outcome expected and the message that names it; and the small stack
// (firewall profile, VPC with a subnet, script) each case applies through the proxy.
import { join } from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings, Script, Subnet, Vpc, type ImcoFlavour } from '../../../lib/constructs';
import type { RunningEmulator } from '../../../lib/emulator';
import { seedsOf } from '../../support/seeds';
import { declaredObjects, type Declared } from './estate';
import { answer, hang, trickle, type Tamper } from './hostile-proxy';
import { bridgeCommand, scratch, withEnv } from './run';

export interface Hostility {
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

export const CASES: Hostility[] = [
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

export interface HostileStackOptions {
  readonly suite: string;
  readonly emulator: RunningEmulator;
  /** The proxy's endpoint (the stack's ImcoSettings endpoint). */
  readonly endpoint: string;
  readonly env: Readonly<Record<string, string>>;
  /** Every object's timeoutSeconds: the handler's (or provider's) deadline. */
  readonly deadlineSeconds: number;
  readonly flavour: ImcoFlavour;
}

/** A small stack (firewall profile, VPC with a subnet, script) of its own for case number `index`, via the proxy. */
export function synthHostileStack(name: string, index: number, opts: HostileStackOptions): { dir: string; declared: Declared[] } {
  const outdir = scratch(opts.suite, `${name}-out`);
  const seeds = seedsOf(opts.emulator);
  const declared = withEnv({ ...opts.env }, () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, name);
    new LocalBackend(stack, { path: join(outdir, 'terraform.tfstate') });
    const d = opts.deadlineSeconds;
    const timeouts = { firewall_profile: d, vpc: d, subnet: d, script: d };
    const encoding = opts.flavour === 'provider' ? { flavour: opts.flavour } : { flavour: opts.flavour, bridgeCommand: bridgeCommand() };
    new ImcoSettings(stack, 'imco', { endpoint: opts.endpoint, timeouts, ...encoding });
    new FirewallProfile(stack, 'fw', { name: `${name}-fw`, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    const vpc = new Vpc(stack, 'net', { name: `${name}-net`, cidr: `10.${70 + index}.0.0/16`, cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
    new Subnet(stack, 'sub', { vpc, name: `${name}-sub`, cidr: `10.${70 + index}.1.0/24`, type: 'only_public' });
    new Script(stack, 'tool', { name: `${name}-tool`, code: 'echo tool' });
    app.synth();
    return declaredObjects(stack);
  });
  return { dir: join(outdir, 'stacks', name), declared };
}
