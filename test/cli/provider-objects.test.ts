// The objects npm start's summary lists for a provider-flavour stack: imco_<kind> resources of
// cdk.tf.json (parts and actions left out) with construct paths from cdktf's metadata, and ids
// (and parent ids) from the local state.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProviderObjects } from '../../lib/cli/provider-objects';

test('objects with paths from the metadata and ids from the state; parts and actions are not objects', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imco-objects-'));
  const meta = (path: string) => ({ '//': { metadata: { path: `shop/${path}`, uniqueId: 'x' } } });
  writeFileSync(
    join(dir, 'cdk.tf.json'),
    JSON.stringify({
      resource: {
        imco_vpc: { net: { ...meta('net/Resource'), name: 'net' } },
        imco_vpn: { net_vpn: { ...meta('net/vpn/Resource') } },
        imco_server: { db: { ...meta('db/Resource'), name: 'db', power_state: 'inactive' } },
        imco_template_script: { tpl_boot_1: { ...meta('tpl/TemplateScript-boot-1') } },
        imco_server_reboot: { db_reboot: { ...meta('db/reboot') } },
      },
    }),
  );
  const statePath = join(dir, 'terraform.tfstate');
  writeFileSync(
    statePath,
    JSON.stringify({
      resources: [
        { mode: 'managed', type: 'imco_vpc', name: 'net', instances: [{ attributes: { id: 'v1' } }] },
        { mode: 'managed', type: 'imco_vpn', name: 'net_vpn', instances: [{ attributes: { id: 'n1', vpc_id: 'v1' } }] },
      ],
    }),
  );
  expect(readProviderObjects(dir, statePath)).toEqual([
    { kind: 'vpc', path: 'net', address: 'imco_vpc.net', name: 'net', power: undefined, id: 'v1', parentId: undefined },
    { kind: 'vpn', path: 'net/vpn', address: 'imco_vpn.net_vpn', name: undefined, power: undefined, id: 'n1', parentId: 'v1' },
    { kind: 'server', path: 'db', address: 'imco_server.db', name: 'db', power: 'inactive', id: undefined, parentId: undefined },
  ]);
});
