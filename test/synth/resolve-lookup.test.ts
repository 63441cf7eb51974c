// Resolution of lookup queries against catalogue listings: exact matches, narrowing by provider,
// location and realm, and the errors for unknown and ambiguous names.
import { closest, resolveLookup, type ListFn } from '../../lib/synth/resolve-lookup';
import { lookupKey, parseLookupKey } from '../../lib/synth/lookup-query';

const catalogue: Record<string, Array<Record<string, unknown>>> = {
  cloud_provider: [{ id: 'p-aws', name: 'AWS' }, { id: 'p-az', name: 'Microsoft Azure' }],
  cloud_account: [{ id: 'a1', name: 'AWS production', cloud_provider_id: 'p-aws' }, { id: 'a2', name: 'AWS staging', cloud_provider_id: 'p-aws' }],
  location: [{ id: 'l-na', name: 'North America' }, { id: 'l-eu', name: 'Europe' }],
  generic_image: [{ id: 'g1', name: 'Ubuntu 22.04' }],
  event: [
    { id: 'e2', timestamp: '2026-01-02T00:00:00Z', level: 'info', header: 'Server booted' },
    { id: 'e1', timestamp: '2026-01-01T00:00:00Z', level: 'warning', header: 'Server stalled' },
  ],
  saas_provider: [{ id: 's1', name: 'New Relic', required_account_data: ['license_key'] }],
  'realm:p-aws': [{ id: 'r1', name: 'US East', provider_name: 'us-east-1' }],
  'server_plan:p-aws': [
    { id: 'sp-na', name: 't3.medium', location_id: 'l-na', location_name: 'North America', memory: 4096, cpus: 2 },
    { id: 'sp-eu', name: 't3.medium', location_id: 'l-eu', location_name: 'Europe', memory: 4096, cpus: 2 },
  ],
  'storage_plan:p-aws': [{ id: 'st1', name: 'gp3', location_id: 'l-na', realm_id: 'r1', realm_provider_name: 'us-east-1', min_size: 1, max_size: 16384 }],
};

const calls: string[] = [];
const list: ListFn = async (kind, parent) => {
  const key = parent?.cloud_provider_id ? `${kind}:${parent.cloud_provider_id}` : kind;
  calls.push(key);
  return catalogue[key] ?? [];
};

describe('resolveLookup', () => {
  it('resolves every lookup kind with the facts validation needs', async () => {
    expect(await resolveLookup({ kind: 'cloud_account', name: 'AWS production' }, list)).toEqual({ id: 'a1', name: 'AWS production', cloud_provider_id: 'p-aws' });
    expect((await resolveLookup({ kind: 'cloud_provider', name: 'AWS' }, list)).id).toBe('p-aws');
    expect((await resolveLookup({ kind: 'location', name: 'Europe' }, list)).id).toBe('l-eu');
    expect((await resolveLookup({ kind: 'generic_image', name: 'Ubuntu 22.04' }, list)).id).toBe('g1');
    expect(await resolveLookup({ kind: 'saas_provider', name: 'New Relic' }, list)).toEqual({ id: 's1', name: 'New Relic', required_account_data: ['license_key'] });
    expect(await resolveLookup({ kind: 'realm', name: 'US East', cloudProvider: 'AWS' }, list)).toEqual({
      id: 'r1', name: 'US East', cloud_provider_id: 'p-aws', provider_name: 'us-east-1',
    });
    expect((await resolveLookup({ kind: 'server_plan', name: 't3.medium', cloudProvider: 'AWS', location: 'Europe' }, list)).id).toBe('sp-eu');
    expect(await resolveLookup({ kind: 'storage_plan', name: 'gp3', cloudProvider: 'AWS', realm: 'us-east-1' }, list)).toEqual({
      id: 'st1', name: 'gp3', cloud_provider_id: 'p-aws', realm_id: 'r1', min_size: 1, max_size: 16384,
    });
  });

  it('takes the newest audit events', async () => {
    expect(await resolveLookup({ kind: 'audit_events', name: 'latest 1' }, list)).toEqual({
      id: 'e2', name: 'latest 1', events: ['2026-01-02T00:00:00Z info Server booted'],
    });
    await expect(resolveLookup({ kind: 'audit_events', name: 'recent' }, list)).rejects.toThrow("must be named 'latest <n>'");
  });

  it('fails on an ambiguous name, naming what tells the candidates apart', async () => {
    await expect(resolveLookup({ kind: 'server_plan', name: 't3.medium', cloudProvider: 'AWS' }, list)).rejects.toThrow(
      "server plan 't3.medium' of AWS is ambiguous: 2 server plans of AWS match (location North America, location Europe); narrow it down (e.g. by location or realm)",
    );
  });

  it('fails on an unknown name with the closest candidates', async () => {
    await expect(resolveLookup({ kind: 'cloud_account', name: 'AWS prod' }, list)).rejects.toThrow(
      "cloud account 'AWS prod' not found among 2 cloud accounts; closest: 'AWS production', 'AWS staging'",
    );
    await expect(resolveLookup({ kind: 'server_plan', name: 't3.medium', cloudProvider: 'Amazon' }, list)).rejects.toThrow(
      "cloud provider 'Amazon' not found among 2 cloud providers; closest: 'AWS', 'Microsoft Azure'",
    );
    await expect(resolveLookup({ kind: 'server_plan', name: 'x' }, list)).rejects.toThrow("server plan 'x' needs its cloud provider");
  });

  it('ranks candidates by edit distance', () => {
    expect(closest('t3.medum', ['m5.large', 't3.medium', 't3.micro'], 2)).toEqual(['t3.medium', 't3.micro']);
  });
});

describe('lookup keys', () => {
  it('are stable and round-trip', () => {
    const q = { kind: 'server_plan' as const, name: 't3.medium', cloudProvider: 'AWS', location: 'North America' };
    expect(lookupKey(q)).toBe('server_plan:cloudProvider=AWS;location=North America;name=t3.medium');
    expect(parseLookupKey(lookupKey(q))).toEqual(q);
    expect(() => parseLookupKey('nonsense')).toThrow("'nonsense' is not a lookup key");
  });
});
