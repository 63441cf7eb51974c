// End-to-end: the `npm start` flow (bin/imco-start.js) in an isolated work dir (IMCO_START_DIR for
// the emulator and Terraform state, CDKTF_OUTDIR for the synth output). The first run synthesizes
// the example estate in the default (provider) flavour — imco_* resources only — installs the
// provider without the network (a proxy that refuses everything is set for Terraform), applies,
// and prints every object in its ready state. The second run changes nothing and writes nothing to
// the emulator. `--destroy` leaves only seeded objects. The generated secrets never reach the
// synth output or any *.tfstate* file. An estate deployed with IMCO_EXAMPLE_FLAVOUR=terraform_data
// moves to the provider on the next run without a create or delete in IMCO.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kindSpec, managedKinds } from '../../lib/catalog';
import { startEmulator } from '../../lib/emulator';
import { emptyCliConfig } from '../support/terraform';

jest.setTimeout(400_000);

const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'imco-start-e2e-'));
const stateDir = join(work, 'state');
const outDir = join(work, 'out');
const stackDir = join(outDir, 'stacks', 'imco-example');
const journal = join(stateDir, 'platform', 'journal.jsonl');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly out: string;
}

/** Runs `node bin/imco-start.js ARGS` as `npm start -- ARGS` would, isolated in `work`. */
function start(args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    IMCO_START_DIR: stateDir,
    CDKTF_OUTDIR: outDir,
    TF_CLI_CONFIG_FILE: emptyCliConfig(),
    IMCO_BRIDGE_MARKERS: join(work, 'markers'),
    CHECKPOINT_DISABLE: '1',
    // No network: anything but the emulator (127.0.0.1) goes to a proxy that is not there.
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
  };
  for (const name of ['IMCO_EXAMPLE_FLAVOUR', 'IMCO_EXAMPLE_MIGRATE_FROM', 'https_proxy', 'http_proxy', 'no_proxy', 'IMCO_CONTEXT', 'IMCO_CONTEXT_FILE', 'IMCO_DRIFT', 'IMCO_STACK', 'IMCO_STATE_DIR']) {
    if (!(name in extraEnv)) delete env[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'imco-start.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

function ok(run: Run): Run {
  if (run.code !== 0) throw new Error(`imco-start exited ${String(run.code)}:\n${run.out.slice(-8000)}`);
  return run;
}

/** Rows of the summary table: header `kind construct name id state address`, then a rule. */
function summaryRows(out: string): Record<string, string>[] {
  const lines = out.split('\n');
  const header = lines.findIndex((l) => /^kind\s+construct\s+name\s+id\s+state\s+address$/.test(l));
  if (header < 0) throw new Error(`no summary table in:\n${out.slice(-4000)}`);
  const rule = lines[header + 1];
  // Column bounds from the dashes of the rule line (names can be empty, so split by position).
  const columns: [number, number][] = [];
  const re = /-+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rule))) columns.push([m.index, m.index + m[0].length]);
  const names = ['kind', 'construct', 'name', 'id', 'state', 'address'];
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!/^[a-z_]+\s/.test(line)) break;
    rows.push(Object.fromEntries(names.map((n, i) => [n, line.slice(columns[i][0], i + 1 < columns.length ? columns[i + 1][0] : undefined).trim()])));
  }
  return rows;
}

interface Declared {
  readonly kind: string;
  readonly path: string;
  readonly power?: string;
}

/** The synthesized stack: every resource type, and the IMCO objects (imco_<kind> minus parts and actions) by construct path. */
function synthesized(): { types: string[]; objects: Declared[] } {
  const doc = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, Record<string, unknown>>> };
  const parts = ['imco_template_script', 'imco_attachment', 'imco_server_reboot', 'imco_script_execution'];
  const objects: Declared[] = [];
  for (const [type, resources] of Object.entries(doc.resource)) {
    if (parts.includes(type)) continue;
    for (const res of Object.values(resources)) {
      const path = (res['//'] as { metadata: { path: string } }).metadata.path.replace(/^imco-example\//, '').replace(/\/Resource$/, '');
      objects.push({ kind: type.replace(/^imco_/, ''), path, power: res.power_state as string | undefined });
    }
  }
  return { types: Object.keys(doc.resource), objects };
}

function journalEntries(): { method: string; path: string }[] {
  return readFileSync(journal, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { method: string; path: string });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The generated example secrets: PSK, SaaS licence key and the SSH private key's base64 body. */
function secrets(): string[] {
  const values = JSON.parse(readFileSync(join(stateDir, 'example-secrets', 'values.json'), 'utf8')) as Record<string, string>;
  const saas = JSON.parse(values.IMCO_EXAMPLE_NEWRELIC) as { license_key: string };
  const keyBody = readFileSync(join(stateDir, 'example-secrets', 'ops-ssh-key'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('-----'));
  const found = [values.IMCO_EXAMPLE_VPN_PSK, saas.license_key, values.IMCO_EXAMPLE_NEWRELIC, ...keyBody];
  expect(found.every((s) => typeof s === 'string' && s.length >= 16)).toBe(true);
  return found;
}

/** Every file of the synth output and every *.tfstate* file: none may contain a secret. */
function expectNoSecretsAtRest(): void {
  const files = [...filesUnder(outDir), ...filesUnder(work).filter((f) => /\.tfstate/.test(f))];
  const states = files.filter((f) => /\.tfstate/.test(f));
  expect(states.length).toBeGreaterThan(0);
  const values = secrets();
  for (const file of new Set(files)) {
    const text = readFileSync(file).toString('latin1');
    for (const secret of values) {
      if (text.includes(secret)) throw new Error(`a generated secret is in ${file}`);
    }
  }
}

let first: Run;

test('first run: applies the example estate and prints every object in its ready state', async () => {
  first = ok(await start());
  expect(first.out).toContain('imco-start: embedded IMCO emulator at https://127.0.0.1:');
  expect(first.out).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./);
  // Quiet by default (issue 17): the plan as counts and one line per object, the apply as one
  // numbered line per completed resource; Terraform's full plan only with --verbose.
  expect(first.out).toMatch(/^imco-start: plan: \d+ to create, 0 to update, 0 to replace, 0 to delete/m);
  expect(first.out).toMatch(/^ {2}\+ firewall_profile shop-web$/m);
  expect(first.out).toMatch(/^ {2}\+ vpc shop$/m);
  expect(first.out).toMatch(/^ {2}\[1\/\d+\] created imco_\S+ \(\S+ \S+\) in \d+s$/m);
  expect(first.out).not.toContain('will be created');
  expect(first.out.split('\n').length).toBeLessThan(120);

  // The default flavour: the native provider's resources only, no provisioner resource.
  const { types, objects: declared } = synthesized();
  expect(types.every((t) => t.startsWith('imco_'))).toBe(true);
  expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).not.toContain('terraform_data');
  expect(first.out).toContain('imco/imco');
  const rows = summaryRows(first.out);
  expect(rows.map((r) => `${r.kind} ${r.construct}`).sort()).toEqual(declared.map((o) => `${o.kind} ${o.path}`).sort());
  // The example uses every construct kind.
  expect(new Set(rows.map((r) => r.kind))).toEqual(
    new Set(['cookbook_version', 'firewall_profile', 'floating_ip', 'saas_account', 'script', 'server', 'server_array', 'ssh_profile', 'subnet', 'template', 'volume', 'vpc', 'vpn']),
  );
  for (const row of rows) {
    const object = declared.find((o) => o.path === row.construct)!;
    expect({ construct: row.construct, id: row.id }).toEqual({ construct: row.construct, id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    const ready = object.power ? [object.power] : (kindSpec(row.kind).lifecycle?.ready ?? ['ready']);
    // On failure this shows the construct, its state and the states that would be ready.
    expect({ construct: row.construct, state: row.state }).toEqual({ construct: row.construct, state: ready.includes(row.state) ? row.state : ready.join(' | ') });
  }
  expect(rows.find((r) => r.construct === 'web')!.state).toBe('operational');
  expect(rows.find((r) => r.construct === 'db-data')!.state).toBe('attached');
  expectNoSecretsAtRest();
});

test('second run: reports no changes and sends the emulator no write request', async () => {
  expect(first?.code).toBe(0);
  const before = journalEntries().length;
  const second = ok(await start());
  expect(second.out).toContain('imco-start: no changes: the IMCO estate already matches main.ts');
  expect(second.out).not.toContain('Apply complete!');
  const during = journalEntries().slice(before);
  // The summary reads every object: the journal did record this run.
  expect(during.length).toBeGreaterThan(0);
  expect(during.filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`)).toEqual([]);
  expect(summaryRows(second.out).map((r) => `${r.construct} ${r.id}`).sort()).toEqual(summaryRows(first.out).map((r) => `${r.construct} ${r.id}`).sort());
  expectNoSecretsAtRest();
});

test('--destroy tears the estate down: only seeded objects remain', async () => {
  expect(first?.code).toBe(0);
  const destroyed = ok(await start(['--destroy']));
  expect(destroyed.out).toMatch(/Destroy complete! Resources: \d+ destroyed\./);
  expect(destroyed.out).toContain('imco-start: the example estate is destroyed');
  expect(destroyed.out).toMatch(/^imco-start: plan: 0 to create, 0 to update, 0 to replace, \d+ to delete/m);
  expect(destroyed.out).toMatch(/^ {2}- vpc shop$/m);
  expect(destroyed.out).not.toContain('will be destroyed');
  expectNoSecretsAtRest();

  const emulator = await startEmulator({ dir: join(stateDir, 'platform'), port: 0 });
  try {
    expect(emulator.userObjects()).toEqual([]);
    // Seeded catalogues are still there.
    expect((emulator.snapshot().cloud_account ?? []).length).toBeGreaterThan(0);
  } finally {
    await emulator.stop();
  }
});

test('an estate deployed with terraform_data moves to the provider on the next run: same ids, no create, no delete', async () => {
  expect(first?.code).toBe(0);
  const old = ok(await start([], { IMCO_EXAMPLE_FLAVOUR: 'terraform_data' }));
  expect(old.out).toMatch(/terraform_data\.vpc/);
  const before = summaryRows(old.out).map((r) => `${r.construct} ${r.id}`).sort();
  expect(before.length).toBe(16);

  const mark = journalEntries().length;
  const moved = ok(await start());
  expect(moved.out).toContain('imco-start: the estate was deployed with the terraform_data flavour: moving it to the provider (moved blocks; nothing is re-created)');
  expect(moved.out).toMatch(/Apply complete! Resources: \d+ added, \d+ changed, 0 destroyed\./);
  const writes = journalEntries().slice(mark).filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`);
  const creates = managedKinds().map((k) => new RegExp(`^POST /v2${k.collectionPath.replace(/\{[^}]+\}/g, '[^/]+')}/?$`));
  expect(writes.filter((w) => w.startsWith('DELETE ') || creates.some((re) => re.test(w)))).toEqual([]);
  expect(summaryRows(moved.out).map((r) => `${r.construct} ${r.id}`).sort()).toEqual(before);

  // Moved for good: the next run changes nothing; going back is refused before anything runs.
  expect(ok(await start()).out).toContain('imco-start: no changes: the IMCO estate already matches main.ts');
  const back = await start([], { IMCO_EXAMPLE_FLAVOUR: 'terraform_data' });
  expect(back.code).toBe(1);
  expect(back.out).toContain('imco-start: the example estate was deployed with the provider flavour, and a move to terraform_data would delete and re-create every object');

  // --verbose: Terraform's whole output, the full plan included.
  const verbose = ok(await start(['--destroy', '--verbose']));
  expect(verbose.out).toMatch(/# imco_vpc\.vpc will be destroyed/);
  const emulator = await startEmulator({ dir: join(stateDir, 'platform'), port: 0 });
  try {
    expect(emulator.userObjects()).toEqual([]);
  } finally {
    await emulator.stop();
  }
});
