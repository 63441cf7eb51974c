// `npm start`: deploys the example estate (main.ts). By default on the embedded emulator in
// `.imco-emulator/` (reused across runs, same port every time), with generated example secrets;
// against a real platform only with --platform (cio-style credentials). Synthesizes, runs
// terraform init/plan/apply, and ends with a summary of the IMCO objects. It shows the plan as a
// summary (one line per object, lib/cli/plan-summary.ts) and the apply as progress, one line per
// completed resource (lib/cli/apply-progress.ts); --verbose shows Terraform's whole output.
// IMCO_START_DIR moves the state directory and CDKTF_OUTDIR the synth output (tests run isolated).
import { spawn } from 'node:child_process';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BridgeApi, LiveObject } from '../handlers/api';
import type { SynthesizedObject } from '../handlers/stack-reader';
import { deployedFlavour, flavourChange } from './estate-flavour';
import { lostLocalStateProblem } from './local-state';
import { applyProgress, initProgress } from './apply-progress';
import { changeLine, countsLine, plannedChanges, shownChanges, type PlannedChange } from './plan-summary';

const ROOT = resolve(__dirname, '..', '..', '..');
/** Emulator state, context file, example secrets, Terraform state: IMCO_START_DIR, else `.imco-emulator/`. */
const STATE_DIR = process.env.IMCO_START_DIR ? resolve(process.env.IMCO_START_DIR) : join(ROOT, '.imco-emulator');
/** Synth output: CDKTF_OUTDIR (as cdktf's App reads it), else `cdktf.out/`. */
const OUT_DIR = process.env.CDKTF_OUTDIR ? resolve(process.env.CDKTF_OUTDIR) : join(ROOT, 'cdktf.out');
const STACK = 'imco-example';
/** Terraform's refusal when the installed provider no longer matches the lock file. */
const PROVIDER_CHANGED = /does not match any of the checksums recorded in the dependency lock file|Inconsistent dependency lock file|Required plugins are not installed/;

/** A directory as the messages show it: relative to the project when inside it. */
function shown(dir: string): string {
  const rel = relative(ROOT, dir);
  return rel && !rel.startsWith('..') ? `${rel}/` : dir;
}

interface StartOptions {
  readonly destroy: boolean;
  readonly platform: boolean;
  /** Show Terraform's whole output (the full plan, every apply line). */
  readonly verbose: boolean;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function parse(argv: string[]): StartOptions {
  const known = new Set(['--destroy', '--platform', '--verbose']);
  for (const a of argv) {
    if (!known.has(a)) {
      throw new Error(`unknown option '${a}': use --destroy (tear the estate down), --platform (use your cio credentials instead of the emulator) and/or --verbose (show the full plan and Terraform's whole output)`);
    }
  }
  return { destroy: argv.includes('--destroy'), platform: argv.includes('--platform'), verbose: argv.includes('--verbose') };
}

interface RunOptions {
  /** Prefix of every line shown. */
  readonly prefix?: string;
  /** Which stdout lines to show (undefined: all), and how; stderr is always shown. */
  readonly filter?: (line: string) => string | undefined;
  /** What the step does, for the "still …" line after 2 s without output. */
  readonly label?: string;
}

/** Seconds of silence after which a running step says it is still working. */
const QUIET_SECONDS = 2;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, opts: RunOptions = {}): Promise<{ code: number; out: string; stdout: string }> {
  const { prefix = '', filter, label } = opts;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stdout = '';
    const started = Date.now();
    let lastShown = started;
    const show = (stream: NodeJS.WriteStream, text: string) => {
      stream.write(`${text}\n`);
      lastShown = Date.now();
    };
    const ticker = label
      ? setInterval(() => {
          if (Date.now() - lastShown >= QUIET_SECONDS * 1000) show(process.stdout, `  … still ${label} (${Math.round((Date.now() - started) / 1000)}s)`);
        }, 500)
      : undefined;
    const relay = (stream: NodeJS.WriteStream, filtered: boolean) => (d: Buffer) => {
      out += d.toString();
      if (filtered) stdout += d.toString();
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        const shown = filtered && filter ? filter(line) : `${prefix}${line}`;
        if (shown !== undefined) show(stream, shown);
      }
    };
    child.stdout.on('data', relay(process.stdout, true));
    child.stderr.on('data', relay(process.stderr, false));
    child.on('error', (err) => {
      if (ticker) clearInterval(ticker);
      reject(new Error(`cannot run ${cmd}: ${err.message}${cmd === 'terraform' ? ' (install Terraform ≥ 1.9 and put it on PATH)' : ''}`));
    });
    child.on('close', (code) => {
      if (ticker) clearInterval(ticker);
      resolvePromise({ code: code ?? 1, out, stdout });
    });
  });
}

/** After a failed quiet step: the output that was held back, so the cause is on screen. */
function showHeldBack(result: { stdout: string }, prefix: string): void {
  for (const line of result.stdout.split('\n')) if (line.trim()) say(`${prefix}${line}`);
}

/** Example secrets for the emulator run: generated once, kept in .imco-emulator (git-ignored). */
function exampleSecrets(dir: string): Record<string, string> {
  const secretsDir = join(dir, 'example-secrets');
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const keyFile = join(secretsDir, 'ops-ssh-key');
  if (!existsSync(keyFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const valuesFile = join(secretsDir, 'values.json');
  if (!existsSync(valuesFile)) {
    const values = {
      IMCO_EXAMPLE_VPN_PSK: randomBytes(24).toString('base64url'),
      IMCO_EXAMPLE_NEWRELIC: JSON.stringify({ license_key: randomBytes(20).toString('hex') }),
    };
    writeFileSync(valuesFile, JSON.stringify(values), { mode: 0o600 });
  }
  return { ...(JSON.parse(readFileSync(valuesFile, 'utf8')) as Record<string, string>), IMCO_EXAMPLE_SSH_KEY: keyFile };
}

/** Starts (or reuses the state of) the embedded emulator on the port it used before. */
async function embeddedEmulator(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const { startEmulator } = await import('../emulator');
  mkdirSync(STATE_DIR, { recursive: true });
  const portFile = join(STATE_DIR, 'port');
  const port = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  let emulator;
  try {
    emulator = await startEmulator({ dir: join(STATE_DIR, 'platform'), port, tickMs: 100 });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`the embedded emulator could not start on port ${port || 'any'}: ${msg}. The estate's state is tied to that port; stop what uses it, or delete ${shown(STATE_DIR)} to start from scratch`);
  }
  writeFileSync(portFile, String(emulator.port));
  say(`imco-start: embedded IMCO emulator at ${emulator.endpoint} (state in ${shown(STATE_DIR)})`);
  return {
    env: {
      CONCERTO_ENDPOINT: emulator.endpoint,
      CONCERTO_CA_CERT: emulator.caCert,
      CONCERTO_CLIENT_CERT: emulator.clientCert,
      CONCERTO_CLIENT_KEY: emulator.clientKey,
      CONCERTO_CONFIG: join(STATE_DIR, 'no-client.xml'),
      IMCO_CONTEXT_FILE: join(STATE_DIR, 'imco.context.json'),
      IMCO_STATE_DIR: STATE_DIR,
      ...exampleSecrets(STATE_DIR),
    },
    stop: () => emulator.stop(),
  };
}

function platformEnv(): Record<string, string> {
  const needed = ['IMCO_EXAMPLE_VPN_PSK', 'IMCO_EXAMPLE_NEWRELIC', 'IMCO_EXAMPLE_SSH_KEY'].filter((v) => !process.env[v]);
  if (needed.length) {
    throw new Error(`--platform needs the example's secrets by reference: set ${needed.join(', ')} (a VPN pre-shared key, New Relic account data as JSON, and the path of an SSH private key)`);
  }
  say('imco-start: using your IMCO platform (credentials discovered like the cio CLI)');
  return {};
}

/** One summary row: kind, construct, name, id, state, address. */
type Row = [string, string, string, string, string, string];

function rowOf(kind: string, path: string, name: string, live: LiveObject | undefined): Row {
  const address = live ? String(live.public_ip ?? live.address ?? live.private_ip ?? '') : '';
  return [kind, path, String(live?.name ?? name), live?.id ?? '(missing)', String(live?.state ?? (live ? 'ready' : '-')), address === 'null' ? '' : address];
}

/** Provisioner flavours: the objects found by the stack instance's ownership labels (or natural keys). */
async function provisionerRows(api: BridgeApi, objects: SynthesizedObject[]): Promise<Row[]> {
  const { Resolver } = await import('../handlers/resolver');
  const { identityOf } = await import('../handlers/ownership');
  // The stack instance's labels (one stack: the first spec names it).
  const resolver = new Resolver(api, undefined, identityOf(objects[0]?.spec ?? { stack: '' }));
  const rows: Row[] = [];
  for (const { spec } of objects) rows.push(rowOf(spec.kind, spec.path, String(spec.fields.name ?? ''), await resolver.find(spec.self)));
  return rows;
}

/** Provider flavour: each imco_<kind> resource read by the IMCO id the provider keeps in the state. */
async function providerRows(api: BridgeApi, stackDir: string, statePath: string): Promise<Row[]> {
  const { readProviderObjects } = await import('./provider-objects');
  const { kindSpec } = await import('../catalog');
  const { isHttpStatus } = await import('../handlers/api');
  const rows: Row[] = [];
  for (const o of readProviderObjects(stackDir, statePath)) {
    const kind = kindSpec(o.kind);
    const params = kind.parent && o.parentId ? { [kind.parent.param]: o.parentId } : undefined;
    let live: LiveObject | undefined;
    if (o.id) {
      const read = kind.operations.includes('show')
        ? api.show(o.kind, kind.singleton ? '' : o.id, params)
        : api.list(o.kind, params).then((all) => all.find((x) => x.id === o.id));
      live = await read.catch((err: unknown) => {
        if (isHttpStatus(err, 404)) return undefined;
        throw err;
      });
    }
    rows.push(rowOf(o.kind, o.path, o.name ?? '', live));
  }
  return rows;
}

/** Prints kind, construct, name, id, state (and addresses) of every object of the stack. */
async function summary(env: Record<string, string>, stackDir: string, statePath: string): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { readSynthesizedObjects } = await import('../handlers/stack-reader');
    const { clientApi } = await import('../handlers/client-api');
    const api = clientApi();
    try {
      const objects = readSynthesizedObjects(stackDir);
      const body = objects.length > 0 ? await provisionerRows(api, objects) : await providerRows(api, stackDir, statePath);
      const rows: Row[] = [['kind', 'construct', 'name', 'id', 'state', 'address'], ...body];
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      rows.forEach((r, n) => {
        say(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
        if (n === 0) say(widths.map((w) => '-'.repeat(w)).join('  '));
      });
    } finally {
      api.close();
    }
  } finally {
    process.env = saved;
  }
}

/** Terraform init, plan (summarized) and apply (with progress) in the stack directory. */
class TerraformSteps {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly stackDir: string,
    private readonly verbose: boolean,
  ) {}

  private async terraform(args: string[], prefix: string, label: string, filter?: (line: string) => string | undefined) {
    const result = await run('terraform', [args[0], '-input=false', '-no-color', ...args.slice(1)], this.env, this.stackDir, { prefix, label, filter: this.verbose ? undefined : (filter ?? (() => undefined)) });
    if (result.code === 1 && !this.verbose) showHeldBack(result, prefix);
    return result;
  }

  async init(extra: string[]): Promise<void> {
    const init = await this.terraform(['init', ...extra], '  init: ', 'initializing Terraform', initProgress);
    if (init.code !== 0) throw new Error(`${['terraform init', ...extra].join(' ')} failed (see above)`);
  }

  /** Plans into imco.tfplan and prints the summary; returns the planned object changes. */
  async plan(extra: string[]): Promise<PlannedChange[]> {
    const planArgs = ['plan', ...extra, '-detailed-exitcode', '-out=imco.tfplan'];
    let plan = await this.terraform(planArgs, '  plan: ', 'planning');
    if (plan.code === 1 && PROVIDER_CHANGED.test(plan.out)) {
      // A rebuilt provider (npm run build) no longer matches the lock file: take the new one.
      say('imco-start: the imco provider changed since terraform init: terraform init -upgrade');
      await this.init(['-upgrade']);
      plan = await this.terraform(planArgs, '  plan: ', 'planning');
    }
    if (plan.code === 1) throw new Error('terraform plan failed (see above)');
    if (plan.code === 0) return [];
    const shown = await run('terraform', ['show', '-json', '-no-color', 'imco.tfplan'], this.env, this.stackDir, { filter: () => undefined, label: 'reading the plan' });
    if (shown.code !== 0) throw new Error(`terraform show -json imco.tfplan failed: ${shown.out.trim().split('\n').pop() ?? ''}`);
    const changes = plannedChanges(JSON.parse(shown.stdout));
    say(`imco-start: ${countsLine(changes)}${this.verbose ? '' : ' (npm start -- --verbose shows the full plan)'}`);
    for (const c of shownChanges(changes)) say(`  ${changeLine(c)}`);
    return changes;
  }

  async apply(changes: PlannedChange[], doing: string): Promise<void> {
    say(`imco-start: ${doing}`);
    const a = await this.terraform(['apply', 'imco.tfplan'], '  ', doing, applyProgress(changes));
    if (a.code !== 0) throw new Error(`terraform apply failed (see above); fix the cause and run npm start${doing === 'destroying' ? ' -- --destroy' : ''} again: applies are idempotent`);
  }
}

async function main(argv: string[]): Promise<number> {
  const opts = parse(argv);
  const embedded = opts.platform ? undefined : await embeddedEmulator();
  try {
    const cliConfig = join(STATE_DIR, 'terraformrc');
    mkdirSync(STATE_DIR, { recursive: true });
    if (!existsSync(cliConfig)) writeFileSync(cliConfig, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_CLI_CONFIG_FILE: process.env.TF_CLI_CONFIG_FILE ?? cliConfig,
      IMCO_STACK: STACK,
      IMCO_EXAMPLE_MIGRATE_FROM: '',
      CDKTF_OUTDIR: OUT_DIR,
      ...(embedded ? embedded.env : platformEnv()),
    };
    const stackDir = join(OUT_DIR, 'stacks', STACK);
    const statePath = join(env.IMCO_STATE_DIR ?? stackDir, `terraform.${STACK}.tfstate`);
    // An estate deployed with a provisioner flavour moves to the provider without re-creating anything.
    const change = flavourChange(deployedFlavour(statePath), env.IMCO_EXAMPLE_FLAVOUR || 'provider');
    if (change.problem) throw new Error(change.problem);
    if (change.migrateFrom) {
      if (opts.destroy) throw new Error(`the example estate was deployed with the ${change.migrateFrom} flavour: destroy it with that flavour (IMCO_EXAMPLE_FLAVOUR=${change.migrateFrom} npm start -- --destroy)`);
      say(`imco-start: the estate was deployed with the ${change.migrateFrom} flavour: moving it to the provider (moved blocks; nothing is re-created)`);
      env.IMCO_EXAMPLE_MIGRATE_FROM = change.migrateFrom;
    }
    say('imco-start: synthesizing main.ts');
    mkdirSync(OUT_DIR, { recursive: true });
    const synth = await run(process.execPath, [join(ROOT, 'dist', 'main.js')], env, ROOT, { prefix: '  synth: ', label: 'synthesizing' });
    if (synth.code !== 0) throw new Error('synthesis failed (see the messages above): fix main.ts and run npm start again');
    const steps = new TerraformSteps(env, stackDir, opts.verbose);
    if (!existsSync(join(stackDir, '.terraform'))) await steps.init([]);
    const lost = lostLocalStateProblem(statePath);
    if (lost) throw new Error(lost);
    if (opts.destroy) {
      say('imco-start: planning the destruction of the example estate');
      const planned = await steps.plan(['-destroy']);
      if (planned.length > 0) await steps.apply(planned, 'destroying');
      say('imco-start: the example estate is destroyed');
      return 0;
    }
    say('imco-start: planning');
    const planned = await steps.plan([]);
    if (planned.length === 0) {
      say('imco-start: no changes: the IMCO estate already matches main.ts');
    } else {
      await steps.apply(planned, 'applying');
    }
    say('');
    await summary(embedded ? embedded.env : {}, stackDir, statePath);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`imco-start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

export { main };
