// Scale: a stack of 1,000 firewall profiles (terraform_data flavour, emulator latency 0) applies; 100
// of its constructs are removed and the stack applied again: the prune deletes exactly those 100 and
// keeps the 900 with their ids. The list of declared objects is far over the 128 KiB one
// environment variable may hold (the stack's prune and sweep pass it in chunks), so this is the
// regime in which a single-variable list made every apply fail with `argument list too long`.
// Durations go to the suite's summary (the first apply is Terraform's O(n²) local-state rewrites:
// 246 s and 362 s for 2,001 resources in two runs on 2 shared, busy cores), so the test allows 25 min.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Construct } from 'constructs';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthStack, type SynthesizedStack } from '../support/stack';
import { scratch } from './support/run';
import { summary } from './support/summary';
import { tfOk } from './support/terraform';

jest.setTimeout(25 * 60_000);

const SUITE = 'scale';
const COUNT = 1000;
const REMOVED = 100;
const name = (i: number) => `scale-${String(i).padStart(4, '0')}`;
/** Every tenth profile goes in the second apply. */
const removed = (i: number) => i % (COUNT / REMOVED) === 0;

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator'), latencyMs: 0 });
});
afterAll(async () => {
  await emulator?.stop();
});

const ours = () => (emulator.snapshot().firewall_profile ?? []).filter((p) => String(p.name).startsWith('scale-'));

function synth(outdir: string | undefined, keep: (i: number) => boolean): SynthesizedStack {
  const build = (stack: TerraformStack) => {
    const tenants = new Construct(new Construct(stack, 'platform'), 'edge-firewalls');
    for (let i = 0; i < COUNT; i++) {
      if (keep(i)) new FirewallProfile(tenants, `tenant-${String(i).padStart(4, '0')}`, { name: name(i), rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    }
  };
  return synthStack(emulator, build, { stackName: 'scale', outdir });
}

test(`${COUNT} profiles apply; ${REMOVED} constructs removed and applied again: exactly those ${REMOVED} are deleted`, async () => {
  const apply = ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=20'];
  const first = synth(scratch(SUITE, 'stack'), () => true);
  // The declared list needs more than one 128 KiB variable.
  const doc = JSON.parse(readFileSync(join(first.stackDir, 'cdk.tf.json'), 'utf8')) as { resource: { terraform_data: Record<string, { triggers_replace: Record<string, string> }> } };
  const triggers = doc.resource.terraform_data.imco_prune.triggers_replace;
  const chunks = Object.entries(triggers).filter(([k]) => k.startsWith('imco_objects_')).map(([, v]) => v);
  expect(Buffer.byteLength(chunks.join(''))).toBeGreaterThan(128 * 1024);
  expect(chunks.length).toBeGreaterThan(1);

  await tfOk(first.stackDir, ['init', '-input=false', '-no-color'], { suite: SUITE });
  const applied = await tfOk(first.stackDir, apply, { suite: SUITE });
  await emulator.settle();
  const before = new Map(ours().map((p) => [String(p.name), p.id]));
  expect(before.size).toBe(COUNT);

  synth(first.outdir, (i) => !removed(i));
  const reapplied = await tfOk(first.stackDir, apply, { suite: SUITE });
  await emulator.settle();
  expect(reapplied.stdout).toContain(`imco-bridge: prune: deleted ${REMOVED} object(s) no longer declared in stack scale`);
  const after = new Map(ours().map((p) => [String(p.name), p.id]));
  const expected = new Map([...before].filter(([n]) => !removed(Number(n.slice('scale-'.length)))));
  expect(after.size).toBe(COUNT - REMOVED);
  expect(after).toEqual(expected);

  summary(SUITE, {
    objects: COUNT,
    removed: REMOVED,
    listKiB: Math.ceil(Buffer.byteLength(chunks.join('')) / 1024),
    chunks: chunks.length,
    applySeconds: Math.round(applied.ms / 1000),
    reapplySeconds: Math.round(reapplied.ms / 1000),
  });
});
