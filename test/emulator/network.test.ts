// Network namespace: firewall profiles and their rules, VPCs (CIDR, realm, states, delete rules),
// subnets (inside the VPC, no overlaps), the one VPN per VPC (psk never returned) and its plans,
// floating IPs (attach/detach, server_id filter).
import { startTestEmulator, waitForGone, waitForState, type TestEmulator } from '../support/emulator';
import { create, put, seedIds, PSK, type SeedIds } from './support/fixtures';

let emu: TestEmulator;
let seeds: SeedIds;
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
});
afterAll(() => emu.dispose());

const rule = (r: Record<string, unknown>) => ({ ip_protocol: 'tcp', min_port: 80, max_port: 80, source: '0.0.0.0/0', ...r });

async function availableVpc(cidr: string): Promise<any> {
  const vpc = await create(emu, '/network/vpcs/', { name: `vpc ${cidr}`, cidr, cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
  return (await waitForState(emu, `/network/vpcs/${vpc.id}`, 'available')).json;
}

describe('firewall profiles', () => {
  it('has the seeded default profile with the management rules, which cannot be deleted', async () => {
    const profile = (await emu.request('GET', `/network/firewall_profiles/${seeds.defaultFirewall}`)).json;
    expect(profile).toMatchObject({ name: 'Default firewall', default: true });
    expect(profile.rules.map((r: any) => `${r.ip_protocol}/${r.min_port}-${r.max_port}:${r.source}`)).toEqual([
      'tcp/22-22:any',
      'tcp/5985-5985:any',
      'tcp/3389-3389:any',
      'tcp/10050-10050:any',
    ]);
    const del = await emu.request('DELETE', `/network/firewall_profiles/${seeds.defaultFirewall}`);
    expect(del.status).toBe(422);
    expect(del.json.errors.default[0]).toContain('default firewall profile');
  });

  it('normalises rules: protocol in any case or as `protocol`, optional name, `any` source', async () => {
    const profile = await create(emu, '/network/firewall_profiles/', {
      name: 'web',
      description: 'web',
      rules: [
        { protocol: 'TCP', min_port: 443, max_port: 443, source: '10.0.0.0/8', name: 'https' },
        { ip_protocol: 'Udp', min_port: 0, max_port: 65535, source: 'ANY' },
        rule({ source: '1.2.3.4' }),
      ],
    });
    expect(profile.default).toBe(false);
    expect(profile.rules).toEqual([
      { ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '10.0.0.0/8', name: 'https' },
      { ip_protocol: 'udp', min_port: 0, max_port: 65535, source: 'any' },
      { ip_protocol: 'tcp', min_port: 80, max_port: 80, source: '1.2.3.4' },
    ]);
    const updated = await put(emu, `/network/firewall_profiles/${profile.id}`, { rules: [rule({ min_port: 389, max_port: 389 })] });
    expect(updated.rules).toEqual([rule({ min_port: 389, max_port: 389 })]);
    expect(updated.description).toBe('web');
    expect((await emu.request('DELETE', `/network/firewall_profiles/${profile.id}`)).status).toBe(204);
    expect((await emu.request('GET', `/network/firewall_profiles/${profile.id}`)).status).toBe(404);
  });

  it.each([
    [rule({ ip_protocol: 'icmp' }), 'ip_protocol must be tcp or udp'],
    [rule({ min_port: -1 }), 'min_port must be an integer between 0 and 65535'],
    [rule({ max_port: 65536 }), 'max_port must be an integer'],
    [rule({ min_port: '80' }), 'min_port must be an integer'],
    [rule({ min_port: 90, max_port: 80 }), 'greater than max_port'],
    [rule({ source: '10.0.0.0/33' }), 'not a valid IPv4 CIDR'],
    [rule({ source: '' }), 'source is required'],
    [rule({ source: 'everywhere' }), 'not a valid IPv4 CIDR'],
  ])('refuses rule %j', async (bad, message) => {
    const res = await emu.request('POST', '/network/firewall_profiles', { body: { name: 'bad', rules: [rule({}), bad] } });
    expect(res.status).toBe(422);
    expect(res.json.errors.rules.join('\n')).toContain('rule 2:');
    expect(res.json.errors.rules.join('\n')).toContain(message);
    expect(res.json.errors.rules.join('\n')).not.toContain('rule 1');
  });

  it('refuses rules that are not objects', async () => {
    const res = await emu.request('POST', '/network/firewall_profiles', { body: { name: 'bad', rules: ['tcp/80:any'] } });
    expect(res.json.errors.rules).toEqual(['must be an array of JSON objects']);
  });
});

describe('VPCs, subnets and VPNs', () => {
  it('provisions a VPC and refuses bad CIDRs and foreign realms', async () => {
    const vpc = await create(emu, '/network/vpcs/', { name: 'main', cidr: '10.10.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
    expect(vpc).toMatchObject({ state: 'provisioning', has_vpn: false, brownfield: false, allowed_subnet_types: ['only_public', 'only_private', 'public_and_private'] });
    await waitForState(emu, `/network/vpcs/${vpc.id}`, 'available');

    const bad = async (patch: Record<string, unknown>) =>
      (await emu.request('POST', '/network/vpcs', { body: { name: 'x', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName, ...patch } })).json.errors;
    expect((await bad({ cidr: '10.0.0.1/16' })).cidr[0]).toContain('host bits set; use 10.0.0.0/16');
    expect((await bad({ cidr: '10.0.0.0/30' })).cidr[0]).toContain('outside /8../28');
    expect((await bad({ cidr: 'ten' })).cidr[0]).toContain('not a valid');
    expect((await bad({ realm_provider_name: 'us-east-1' })).realm_provider_name[0]).toContain('not a realm of Mock');
    expect((await bad({ cloud_account_id: '0123456789abcdef01234567' })).cloud_account_id[0]).toContain('cloud account');
  });

  it('refuses subnets before the VPC is available, outside it, overlapping, or badly typed', async () => {
    await emu.frozen(async () => {
      const pending = await create(emu, '/network/vpcs', { name: 'slow', cidr: '10.20.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
      const early = await emu.request('POST', `/network/vpcs/${pending.id}/subnets`, { body: { name: 'a', cidr: '10.20.1.0/24', type: 'only_public' } });
      expect(early.status).toBe(422);
      expect(early.json.errors.vpc_id[0]).toContain('wait until it is available');
      const plan = (await emu.request('GET', `/network/vpcs/${pending.id}/vpn_plans`)).json[0];
      const vpn = await emu.request('POST', `/network/vpcs/${pending.id}/vpn`, { body: { public_ip: '203.0.113.5', psk: PSK, exposed_cidrs: ['192.168.0.0/24'], vpn_plan_id: plan.id } });
      expect(vpn.json.errors.vpc_id[0]).toContain('wait until it is available');
    });

    const vpc = await availableVpc('10.30.0.0/16');
    const base = `/network/vpcs/${vpc.id}/subnets`;
    const subnet = await create(emu, base, { name: 'front', cidr: '10.30.1.0/24', type: 'only_public', cloud_account_id: '' });
    expect(subnet).toMatchObject({ state: 'provisioning', vpc_id: vpc.id, type: 'only_public', server_creation_disabled: false, brownfield: false });
    const err = async (body: Record<string, unknown>) => (await emu.request('POST', base, { body: { name: 'b', type: 'only_private', ...body } })).json.errors;
    expect((await err({ cidr: '10.31.0.0/24' })).cidr[0]).toContain("outside the VPC's CIDR 10.30.0.0/16");
    expect((await err({ cidr: '10.30.0.0/23' })).cidr[0]).toContain(`overlaps subnet ${subnet.id}`);
    expect((await err({ cidr: '10.30.1.128/25' })).cidr[0]).toContain('overlaps');
    expect((await err({ cidr: '10.30.2.0/24', type: 'mixed' })).type[0]).toContain('only_public, only_private, public_and_private');
    const second = await create(emu, base, { name: 'back', cidr: '10.30.2.0/24', type: 'only_private' });
    const listed = (await emu.request('GET', base)).json;
    expect(listed.map((s: any) => s.id)).toEqual([subnet.id, second.id]);

    const renamed = await put(emu, `/network/subnets/${subnet.id}`, { name: 'frontend', cidr: '10.99.0.0/24' });
    expect(renamed).toMatchObject({ name: 'frontend', cidr: '10.30.1.0/24' });

    const busy = await emu.request('DELETE', `/network/vpcs/${vpc.id}`);
    expect(busy.status).toBe(422);
    expect(busy.json.errors.base[0]).toContain('subnet');
    await waitForState(emu, `/network/subnets/${second.id}`, 'available');
    await emu.frozen(async () => {
      expect((await emu.request('DELETE', `/network/subnets/${second.id}`)).status).toBe(204);
      expect((await emu.request('GET', `/network/subnets/${second.id}`)).json.state).toBe('deleting');
      expect((await emu.request('DELETE', `/network/subnets/${second.id}`)).status).toBe(204);
    });
    await waitForGone(emu, `/network/subnets/${second.id}`);
  });

  it('allows one VPN per VPC with a plan of its provider, never returns the psk, and blocks the VPC delete', async () => {
    const vpc = await availableVpc('10.40.0.0/16');
    const plans = (await emu.request('GET', `/network/vpcs/${vpc.id}/vpn_plans`)).json;
    expect(plans).toEqual([{ id: expect.any(String), name: 'Mock VPN', active_active: 'false', remote_id: expect.any(String), cloud_provider_id: seeds.provider, resource_type: 'vpn_plan' }]);
    const awsPlans = (await emu.request('GET', '/network/vpcs/' + vpc.id + '/vpn_plans')).json;
    expect(awsPlans).toHaveLength(1);

    const base = `/network/vpcs/${vpc.id}/vpn`;
    expect((await emu.request('GET', base)).status).toBe(404);
    const body = { public_ip: '203.0.113.5', psk: PSK, exposed_cidrs: ['192.168.10.0/24', '192.168.0.0/24'], vpn_plan_id: plans[0].id };
    const weak = await emu.request('POST', base, { body: { ...body, psk: 'short' } });
    expect(weak.json.errors.psk[0]).toBe('must be 8 to 64 characters long');
    expect(JSON.stringify(weak.json)).not.toContain('short');
    const badIp = await emu.request('POST', base, { body: { ...body, public_ip: '203.0.113', exposed_cidrs: ['x'] } });
    expect(Object.keys(badIp.json.errors).sort()).toEqual(['exposed_cidrs', 'public_ip']);

    const vpn = await create(emu, base, body);
    expect(vpn).toMatchObject({ state: 'provisioning', vpc_id: vpc.id, exposed_cidrs: ['192.168.10.0/24', '192.168.0.0/24'], resource_type: 'vpn' });
    expect(vpn).not.toHaveProperty('psk');
    expect(JSON.stringify((await emu.request('GET', base)).json)).not.toContain(PSK);
    expect((await emu.request('GET', `/network/vpcs/${vpc.id}`)).json.has_vpn).toBe(true);
    const second = await emu.request('POST', base, { body });
    expect(second.status).toBe(422);
    expect(second.json.errors.vpc_id[0]).toContain('already has a VPN');
    const blocked = await emu.request('DELETE', `/network/vpcs/${vpc.id}`);
    expect(blocked.json.errors.base[0]).toContain('VPN');

    expect((await emu.request('DELETE', base)).status).toBe(204);
    await waitForGone(emu, base);
    expect((await emu.request('GET', `/network/vpcs/${vpc.id}`)).json.has_vpn).toBe(false);
    expect((await emu.request('DELETE', `/network/vpcs/${vpc.id}`)).status).toBe(204);
    expect((await emu.request('DELETE', `/network/vpcs/${vpc.id}`)).status).toBe(204);
    await waitForGone(emu, `/network/vpcs/${vpc.id}`);
  });

  it('refuses a VPN plan of another provider', async () => {
    const vpc = await availableVpc('10.50.0.0/16');
    const awsVpc = await create(emu, '/network/vpcs', { name: 'aws', cidr: '10.0.0.0/16', cloud_account_id: seeds.awsAccount, realm_provider_name: 'us-east-1' });
    await waitForState(emu, `/network/vpcs/${awsVpc.id}`, 'available');
    const awsPlans = (await emu.request('GET', `/network/vpcs/${awsVpc.id}/vpn_plans`)).json;
    expect(awsPlans.map((p: any) => p.active_active)).toEqual(['false', 'true']);
    const res = await emu.request('POST', `/network/vpcs/${vpc.id}/vpn`, { body: { public_ip: '203.0.113.5', psk: PSK, exposed_cidrs: ['192.168.0.0/24'], vpn_plan_id: awsPlans[0].id } });
    expect(res.json.errors.vpn_plan_id[0]).toContain('another cloud provider');
  });

  it('discards a VPC at once', async () => {
    const vpc = await availableVpc('10.60.0.0/16');
    expect((await emu.request('DELETE', `/network/vpcs/${vpc.id}/discard`)).status).toBe(204);
    expect((await emu.request('GET', `/network/vpcs/${vpc.id}`)).status).toBe(404);
  });
});

describe('floating IPs', () => {
  it('allocates, attaches to a server (answering the server), filters by server and detaches', async () => {
    const template = await create(emu, '/blueprint/templates', { name: 'fip', generic_image_id: seeds.genericImage });
    const server = await create(emu, '/cloud/servers', {
      name: 'fip-server',
      template_id: template.id,
      server_plan_id: seeds.serverPlan,
      cloud_account_id: seeds.account,
      ssh_profile_id: seeds.defaultSsh,
      firewall_profile_id: seeds.defaultFirewall,
    });
    await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive');
    const ip = await emu.frozen(async () => {
      const pending = await create(emu, '/network/floating_ips/', { name: 'edge', cloud_account_id: seeds.account, realm_id: seeds.realm });
      expect(pending).toMatchObject({ state: 'provisioning', attached_server_id: null, brownfield: false, address: expect.stringMatching(/^198\.1[89]\./) });
      const early = await emu.request('POST', `/network/floating_ips/${pending.id}/attached_server`, { body: { attached_server_id: server.id } });
      expect(early.json.errors.state[0]).toContain('wait until it is available');
      return pending;
    });
    await waitForState(emu, `/network/floating_ips/${ip.id}`, 'available');
    const attached = await create(emu, `/network/floating_ips/${ip.id}/attached_server`, { attached_server_id: server.id });
    expect(attached).toMatchObject({ id: server.id, resource_type: 'server' });
    expect((await emu.request('GET', `/network/floating_ips?server_id=${server.id}`)).json.map((f: any) => f.id)).toEqual([ip.id]);
    expect((await emu.request('GET', `/network/floating_ips?server_id=0123456789abcdef01234567`)).json).toEqual([]);
    expect((await emu.request('GET', `/cloud/servers/${server.id}/floating_ips`)).json.map((f: any) => f.id)).toEqual([ip.id]);
    const blocked = await emu.request('DELETE', `/network/floating_ips/${ip.id}`);
    expect(blocked.json.errors.attached_server_id[0]).toContain('detach it first');
    expect((await emu.request('DELETE', `/network/floating_ips/${ip.id}/attached_server`)).status).toBe(204);
    expect((await emu.request('DELETE', `/network/floating_ips/${ip.id}/attached_server`)).status).toBe(422);
    expect((await put(emu, `/network/floating_ips/${ip.id}`, { name: 'renamed' })).name).toBe('renamed');
    expect((await emu.request('DELETE', `/network/floating_ips/${ip.id}`)).status).toBe(204);
    await waitForGone(emu, `/network/floating_ips/${ip.id}`);
  });

  it('refuses a realm of another provider', async () => {
    const awsRealms = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/realms`)).json;
    const res = await emu.request('POST', '/network/floating_ips', { body: { name: 'x', cloud_account_id: seeds.account, realm_id: awsRealms[0].id } });
    expect(res.json.errors.realm_id[0]).toContain('another cloud provider');
  });
});
