// The catalog-built client facades (lib/client/kind-facade.ts, facade-set.ts): every kind of the
// catalog has one, named from the kind; every catalog operation is a method named from the
// operation; positional arguments become path values, body and query in that order; wrong
// arguments get a one-line error naming the operation and what it takes.
import { ENDPOINTS, KINDS } from '../../lib/catalog';
import type { FacadeHost, Params, Query } from '../../lib/client/facade';
import { ClientFacades } from '../../lib/client/facade-set';
import { accessorName, methodName } from '../../lib/client/kind-facade';
import { ImcoError } from '../../lib/client/errors';

interface Sent {
  readonly via: 'call' | 'removeVia';
  readonly op: string;
  readonly params?: Params;
  readonly body?: unknown;
  readonly query?: Query;
}

/** A host that records what the facades ask for and answers with a fixed value. */
function recordingHost(): { host: FacadeHost; sent: Sent[] } {
  const sent: Sent[] = [];
  const host: FacadeHost = {
    endpoint: 'https://imco.test/v2',
    async call<R>(op: string, params?: Params, body?: unknown, query?: Query): Promise<R> {
      sent.push({ via: 'call', op, params, body, query });
      return { answered: op } as R;
    },
    async removeVia(op: string, params: Params): Promise<boolean> {
      sent.push({ via: 'removeVia', op, params });
      return true;
    },
  };
  return { host, sent };
}

it('names facades after kinds and methods after operations', () => {
  expect(accessorName('firewall_profile', true)).toBe('firewallProfiles');
  expect(accessorName('vpc', true)).toBe('vpcs');
  expect(accessorName('wizard', false)).toBe('wizard');
  expect(methodName('execute_script')).toBe('executeScript');
  expect(methodName('delete')).toBe('remove');
});

it('has a facade for every catalog kind with a method for every one of its operations', () => {
  const facades = new ClientFacades(recordingHost().host) as unknown as Record<string, Record<string, unknown>>;
  for (const spec of KINDS) {
    const facade = facades[accessorName(spec.kind, true)];
    expect(facade).toBeDefined();
    for (const e of ENDPOINTS.filter((x) => x.kind === spec.kind)) {
      expect(typeof facade[methodName(e.op.slice(spec.kind.length + 1))]).toBe('function');
    }
  }
  expect(typeof facades.wizard.cloudProviders).toBe('function');
});

it('maps positional arguments to path values, body and query', async () => {
  const { host, sent } = recordingHost();
  const client = new ClientFacades(host);
  await client.subnets.create('vpc-1', { name: 'front', cidr: '10.0.1.0/24', type: 'only_public' });
  await client.templateScripts.show('tpl-1', 'ts-1');
  await client.volumes.list({ server_id: 'srv-1' });
  await client.servers.executeScript('srv-1', 'ts-2');
  await client.templateScripts.list('tpl-1', { type: 'boot' });
  await client.wizard.cloudAccounts({ location_id: 'loc-1' });
  expect(sent).toEqual([
    { via: 'call', op: 'subnet.create', params: { vpc_id: 'vpc-1' }, body: { name: 'front', cidr: '10.0.1.0/24', type: 'only_public' }, query: undefined },
    { via: 'call', op: 'template_script.show', params: { template_id: 'tpl-1', id: 'ts-1' }, body: undefined, query: undefined },
    { via: 'call', op: 'volume.list', params: {}, body: undefined, query: { server_id: 'srv-1' } },
    { via: 'call', op: 'server.execute_script', params: { id: 'srv-1', script_id: 'ts-2' }, body: undefined, query: undefined },
    { via: 'call', op: 'template_script.list', params: { template_id: 'tpl-1' }, body: undefined, query: { type: 'boot' } },
    { via: 'call', op: 'wizard.cloud_accounts', params: {}, body: undefined, query: { location_id: 'loc-1' } },
  ]);
});

it('deletes through removeVia, which reports an object already gone', async () => {
  const { host, sent } = recordingHost();
  const client = new ClientFacades(host);
  expect(await client.vpns.remove('vpc-1')).toBe(true);
  expect(await client.labels.unassign('lbl-1', 'script', 'scr-1')).toBe(true);
  expect(await client.volumes.detach('vol-1')).toBe(true);
  expect(sent).toEqual([
    { via: 'removeVia', op: 'vpn.delete', params: { vpc_id: 'vpc-1' } },
    { via: 'removeVia', op: 'label.unassign', params: { label_id: 'lbl-1', resource_type: 'script', resource_id: 'scr-1' } },
    { via: 'removeVia', op: 'volume.detach', params: { id: 'vol-1' } },
  ]);
});

it('refuses missing path values and stray arguments with a config error naming the operation', async () => {
  const { host, sent } = recordingHost();
  const client = new ClientFacades(host) as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
  const missing = (await client.subnets.list().catch((e: unknown) => e)) as ImcoError;
  expect(missing).toBeInstanceOf(ImcoError);
  expect(missing.code).toBe('config');
  expect(missing.message).toBe('IMCO subnet.list (GET /network/vpcs/{vpc_id}/subnets) takes vpc_id first, as strings');
  await expect(client.vpcs.show('vpc-1', 'extra')).rejects.toThrow('IMCO vpc.show (GET /network/vpcs/{id}) takes id, then a query object');
  await expect(client.vpcs.remove('vpc-1', {})).rejects.toThrow('IMCO vpc.delete (DELETE /network/vpcs/{id}) takes id, then nothing');
  await expect(client.vpcs.create({}, {}, {})).rejects.toThrow('IMCO vpc.create (POST /network/vpcs) takes a body object and a query object');
  expect(sent).toEqual([]);
});

it('an operation the kind lacks goes to the client by its op id (which refuses it), not a TypeError', async () => {
  const { host, sent } = recordingHost();
  const client = new ClientFacades(host);
  await client.cloudProviders.show('cp-1');
  expect(sent).toEqual([{ via: 'call', op: 'cloud_provider.show', params: undefined, body: undefined, query: undefined }]);
});

it('reaches a kind by its catalog name, and names the known kinds for an unknown one', async () => {
  const { host, sent } = recordingHost();
  const client = new ClientFacades(host);
  await client.kind('firewall_profile').show('fw-1');
  expect(sent).toEqual([{ via: 'call', op: 'firewall_profile.show', params: { id: 'fw-1' }, body: undefined, query: undefined }]);
  expect(() => client.kind('firewal_profile')).toThrow(/unknown IMCO kind 'firewal_profile' \(known: template, .*firewall_profile/);
});
