// End-to-end: a stack with one of every IMCO kind applies from empty through the real terraform
// binary and imco-bridge; no-op plans and applies change nothing; power state and array size
// converge in place; secrets never reach state or output; destroy leaves only seeded objects.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { apply, synthStack } from '../support/stack';
import { terraformOk } from '../support/terraform';
import { ESTATE_COUNTS, everyKindEstate, type EveryKindEstate } from './support/every-kind-estate';

jest.setTimeout(300_000);

let emulator: TestEmulator;
let estate: EveryKindEstate;
beforeAll(async () => {
  emulator = await startTestEmulator();
  estate = everyKindEstate(emulator);
});
afterAll(async () => {
  estate?.dispose();
  await emulator?.dispose();
});

function journalWrites(fromLine: number): string[] {
  return readFileSync(emulator.journalPath, 'utf8')
    .split('\n')
    .slice(fromLine)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { method: string; path: string })
    .filter((e) => e.method !== 'GET')
    .map((e) => `${e.method} ${e.path}`);
}

function journalLength(): number {
  return readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).length;
}

test('one of every kind: apply, no-op, converge in place, destroy', async () => {
  const stack = synthStack(emulator, estate.build({ power: 'operational', arraySize: 2 }));
  const first = await apply(stack);
  expect(first.stdout).toContain('Apply complete!');
  const s = emulator.snapshot();
  const mine = (kind: string) => emulator.userObjects().filter((o) => o.kind === kind);
  for (const [kind, n] of Object.entries(ESTATE_COUNTS)) {
    expect({ kind, n: mine(kind).length }).toEqual({ kind, n });
  }
  const db = s.server.find((x) => x.name === 'db')!;
  expect(db.state).toBe('operational');
  const web = s.server_array.find((x) => x.name === 'web')!;
  expect(web.size).toBe(2);
  expect(web.state).toBe('operational');
  expect(s.volume.find((v) => v.name === 'data')!.attached_server_id).toBe(db.id);
  expect(s.floating_ip.find((v) => v.name === 'db-ip')!.attached_server_id).toBe(db.id);
  expect(s.template.find((t) => t.name === 'web')!.state).toBe('ready');
  expect(s.cookbook_version.find((c) => !emulator.isSeeded('cookbook_version', String(c.id)))!.state).toBe('ready');

  // A second plan is empty; a no-op apply makes no write request.
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  const mark = journalLength();
  const noop = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(noop.stdout).toContain('0 added, 0 changed, 0 destroyed');
  expect(journalWrites(mark)).toEqual([]);

  // Declared inactive: shut down in place; array 2 → 3 through enlarge.
  synthStack(emulator, estate.build({ power: 'inactive', arraySize: 3 }), { outdir: stack.outdir });
  const mark2 = journalLength();
  const second = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const s2 = emulator.snapshot();
  expect(s2.server.find((x) => x.id === db.id)!.state).toBe('inactive');
  expect(s2.server_array.find((x) => x.id === web.id)!.size).toBe(3);
  const writes = journalWrites(mark2);
  expect(writes).toContain(`PUT /v2/cloud/servers/${db.id}/shutdown`);
  expect(writes).toContain(`POST /v2/cloud/server_arrays/${web.id}/servers`);
  expect(writes.filter((w) => w.startsWith('POST /v2/cloud/servers'))).toEqual([]);

  const state = readdirSync(stack.stackDir).filter((f) => f.includes('tfstate')).map((f) => readFileSync(join(stack.stackDir, f), 'utf8'));
  const synthesized = readFileSync(join(stack.stackDir, 'cdk.tf.json'), 'utf8');
  estate.assertNoSecrets([...state, synthesized, first.stdout, first.stderr, second.stdout, second.stderr, readFileSync(emulator.journalPath, 'utf8')]);

  const destroyed = await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  estate.assertNoSecrets([destroyed.stdout, destroyed.stderr]);
  expect(emulator.userObjects()).toEqual([]);
});
