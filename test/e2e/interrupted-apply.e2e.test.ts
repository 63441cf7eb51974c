// End-to-end: Ctrl-C during an apply (SIGINT to terraform's process group, as a terminal sends it)
// taints every lifecycle resource whose create provisioner was running, on_failure = continue or
// not, and Terraform never runs a tainted resource's destroy provisioner. The objects those
// creates made (the bridge server finishes commands in flight) are reported by `imco-bridge drift`
// as held by tainted resources, and `terraform destroy` deletes every one of them anyway: the
// stack's imco_sweep, destroyed after all object resources, deletes what they left.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthStack } from '../support/stack';
import { emptyCliConfig, terraformOk } from '../support/terraform';

jest.setTimeout(300_000);

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
const NAMES = Array.from({ length: 6 }, (_, i) => `intr-${i}`);
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ours = () => (emulator.snapshot().firewall_profile ?? []).filter((p) => NAMES.includes(String(p.name)));

/** Lifecycle resources whose create provisioner is running, from terraform's output so far. */
function creating(out: string): string[] {
  const started = new Set([...out.matchAll(/^terraform_data\.(intr-\d): Provisioning with 'local-exec'/gm)].map((m) => m[1]));
  for (const m of out.matchAll(/^terraform_data\.(intr-\d): Creation complete/gm)) started.delete(m[1]);
  return [...started];
}

/** `terraform apply` in a process group of its own; SIGINT to the whole group once `when` holds for its output. */
function interruptedApply(dir: string, when: (out: string) => boolean): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=2'], {
      cwd: dir,
      detached: true,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: emptyCliConfig(), TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setInterval(() => {
      if (!when(out)) return;
      clearInterval(timer);
      process.kill(-(child.pid as number), 'SIGINT');
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, out });
    });
  });
}

/** Waits until the set of our profiles has not changed for `quietMs` (the interrupted run's server finishing). */
async function untilStable(quietMs = 2000): Promise<void> {
  let last = '';
  let since = Date.now();
  for (;;) {
    const now = ours().map((p) => p.id).sort().join(',');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await sleep(100);
  }
}

function taintedResources(stateFile: string): string[] {
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { resources: { type: string; name: string; instances: { status?: string }[] }[] };
  return state.resources.filter((r) => r.instances.some((i) => i.status === 'tainted')).map((r) => `${r.type}.${r.name}`);
}

async function drift(dir: string): Promise<{ code: number; stdout: string }> {
  const env = {
    ...process.env,
    CONCERTO_ENDPOINT: emulator.endpoint,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
  };
  try {
    const r = await promisify(execFile)(process.execPath, [BRIDGE, 'drift', '--stack', dir], { env });
    return { code: 0, stdout: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

test('Ctrl-C mid-create: drift reports the tainted resources\' objects, terraform destroy leaves nothing in IMCO', async () => {
  const build = (stack: TerraformStack) => {
    for (const n of NAMES) new FirewallProfile(stack, n, { name: n, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
  };
  const stack = synthStack(emulator, build, { stackName: 'interrupted' });
  await terraformOk(stack.stackDir, ['init', '-input=false', '-no-color']);

  // Every request takes 600 ms (a create makes several, so each create runs for seconds): two
  // creates at a time, interrupted once a profile exists while a lifecycle resource's create
  // provisioner is running. Whether the interrupt lands inside a provisioner is a race with the
  // machine's load: when no lifecycle resource holding an object came out tainted, the estate is destroyed and the
  // interrupt tried again (at most 3 times); the assertions below need a tainted resource.
  let tainted: string[] = [];
  for (let attempt = 1; attempt <= 3 && tainted.length === 0; attempt++) {
    emulator.setLatency(600);
    const run = await interruptedApply(stack.stackDir, (out) => ours().length >= 1 && creating(out).length > 0);
    expect(run.code).not.toBe(0);
    expect(run.out).toContain('Interrupt received');
    await untilStable();
    emulator.setLatency(0);
    // The interrupt tainted the lifecycle resources whose create was running; their objects exist.
    tainted = taintedResources(join(stack.stackDir, 'terraform.tfstate')).filter((a) => NAMES.some((n) => a === `terraform_data.${n}`));
    // A resource tainted before its create reached IMCO holds no object: that attempt shows nothing.
    if (!ours().some((p) => tainted.includes(`terraform_data.${String(p.name)}`))) tainted = [];
    if (tainted.length === 0) {
      await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-input=false', '-no-color']);
      expect(ours()).toEqual([]);
    }
  }
  expect(tainted.length).toBeGreaterThan(0);
  const heldByTainted = ours().filter((p) => tainted.includes(`terraform_data.${String(p.name)}`));
  expect(heldByTainted.length).toBeGreaterThan(0);
  expect(ours().length).toBeLessThan(NAMES.length + 1);

  // drift names them and says what happens to them.
  const report = await drift(stack.stackDir);
  expect(report.code).toBe(2);
  for (const p of heldByTainted) {
    expect(report.stdout).toContain(
      `  ${String(p.name)} (firewall_profile '${String(p.name)}' ${p.id}): tainted — terraform_data.${String(p.name)} is tainted (an interrupted or failed apply): ` +
        "terraform apply replaces it and adopts this object; terraform destroy deletes the object through the stack's imco_sweep",
    );
  }

  const destroyed = await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-input=false', '-no-color']);
  await emulator.settle();
  expect(ours()).toEqual([]);
  // The tainted resources' objects were deleted by the sweep, after every object resource was destroyed.
  for (const p of heldByTainted) {
    expect(destroyed.stdout).toContain(`imco-bridge: ${String(p.name)}: still in IMCO after its Terraform resources were destroyed`);
    expect(destroyed.stdout).toContain(`imco-bridge: ${String(p.name)}: deleted firewall profile ${p.id}`);
  }
  expect(destroyed.stdout).toContain(`imco-bridge: sweep: deleted ${heldByTainted.length} object(s) of stack interrupted`);
  expect(destroyed.stdout.indexOf('terraform_data.imco_sweep: Destroying')).toBeGreaterThan(destroyed.stdout.lastIndexOf('terraform_data.intr-'));
});
