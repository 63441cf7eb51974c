// `imco-bridge drift` on a stack of the provider flavour (the default): it has no provisioner specs
// to compare, so instead of reporting "0 objects in sync" it names the stack and says to use
// terraform plan, exit 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { hasProviderResources } from '../../lib/handlers/stack-reader';

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');

function stackDir(resource: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imco-drift-'));
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource }));
  return dir;
}

test('a provider stack: one line naming terraform plan, exit 1', () => {
  const dir = stackDir({ imco_vpc: { vpc: { name: 'shop', cidr: '10.0.0.0/16' } } });
  expect(hasProviderResources(dir)).toBe(true);
  const r = spawnSync(process.execPath, [BRIDGE, 'drift', '--stack', dir], { encoding: 'utf8', env: { ...process.env, CONCERTO_ENDPOINT: '' } });
  expect(r.status).toBe(1);
  // The message names the stack (issue 17: with several stacks, every message says which).
  expect(r.stderr.trim()).toBe(`imco-bridge drift: stack ${basename(dir)} uses the provider flavour: run terraform plan in its directory (${dir}), which reads every object and shows drift`);
});

test('a stack of the provisioner flavour is not taken for one', () => {
  expect(hasProviderResources(stackDir({ terraform_data: { vpc: { triggers_replace: { imco_kind: 'vpc' } } } }))).toBe(false);
});
