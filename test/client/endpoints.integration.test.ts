// Every client method against the emulator over real mutual TLS: each catalog-built facade
// method is called, every endpoint of the catalog's ENDPOINTS table is reached by one of them with a 2xx
// answer, the generic helpers work by kind and op id, and both IMCO error body shapes come through.
import { ENDPOINTS, KINDS, type EndpointSpec } from '../../lib/catalog';
import { accessorName, methodName } from '../../lib/client/kind-facade';
import { ImcoError, type ImcoClient, type RequestInfo, type Server, type Template } from '../../lib/client';
import { LeakRecorder } from '../support/client-leak-recorder';
import { fakeOpensshPrivateKey } from '../support/fake-keys';
import { cookbookArchive } from '../emulator/support/tar';
import { mockSeeds, startClientHarness, type ClientHarness, type Seeds } from './support/emulator-client';

/** A placeholder SSH private key with a random body (not key material). */
const SSH_KEY = fakeOpensshPrivateKey();
const SSH_PRIVATE_KEY = SSH_KEY.pem;
const PSK = 'client-suite-psk-Z9x8c7';
const ACCOUNT_DATA = { api_key: 'client-suite-api-key-77', application_key: 'client-suite-app-key-88' };
const SECRETS = [SSH_PRIVATE_KEY.trim(), SSH_KEY.body, PSK, ACCOUNT_DATA.api_key, ACCOUNT_DATA.application_key];

let h: ClientHarness;
let client: ImcoClient;
let seeds: Seeds;
/** Facade methods that were called, as `facade.method`. */
const called = new Set<string>();

/**
 * The facade methods backed by a catalog operation, as [facade, method]: one per endpoint of the
 * catalog, except ping (the client's own `ping()`).
 */
function facadeMethods(c: ImcoClient): [string, string][] {
  return ENDPOINTS.map((e): [string, string] => [accessorName(e.kind, KINDS.some((k) => k.kind === e.kind)), methodName(e.op.slice(e.kind.length + 1))]).filter(
    ([facade]) => typeof (c as unknown as Record<string, unknown>)[facade] === 'object',
  );
}

/** Wraps every facade method so calls are recorded (the implementation still runs). */
function instrument(c: ImcoClient): void {
  for (const [name, method] of facadeMethods(c)) {
    const facade = (c as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[name];
    const original = facade[method];
    facade[method] = (...args: unknown[]) => {
      called.add(`${name}.${method}`);
      return original(...args);
    };
  }
}

/** The most specific catalog endpoint a request line hit (literal segments beat placeholders). */
function endpointHit(line: RequestInfo): EndpointSpec | undefined {
  const candidates = ENDPOINTS.filter(
    (e) => e.method === line.method && new RegExp(`^${e.path.replace(/\{[a-z_]+\}/g, '[^/]+')}$`).test(line.path),
  );
  return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}

beforeAll(async () => {
  h = await startClientHarness();
  client = h.client;
  instrument(client);
  seeds = await mockSeeds(client);
});

afterAll(() => h.dispose());

test('read-only catalogues, settings, audit and ping', async () => {
  expect(await client.ping()).toEqual({ ok: true, status: 200 });
  const providers = await client.cloudProviders.list();
  expect(providers.map((p) => p.name)).toEqual(expect.arrayContaining(['AWS', 'Mock']));
  const plan = await client.serverPlans.show(seeds.serverPlan);
  expect(plan).toMatchObject({ id: seeds.serverPlan, cloud_provider_id: seeds.provider });
  expect((await client.realms.show(seeds.realm)).id).toBe(seeds.realm);
  const storagePlan = await client.storagePlans.show(seeds.storagePlan);
  expect(storagePlan.min_size).toBeLessThanOrEqual(storagePlan.max_size);
  expect((await client.cloudAccounts.show(seeds.account)).cloud_provider_id).toBe(seeds.provider);
  expect((await client.locations.list()).map((l) => l.name)).toContain('Europe');
  expect((await client.wizard.cloudProviders()).length).toBeGreaterThan(0);
  expect((await client.wizard.cloudAccounts({ location_id: undefined })).length).toBeGreaterThan(0);
});

let labelId: string;
let scriptId: string;
let attachmentId: string;

test('labels, scripts and attachment upload', async () => {
  const label = await client.labels.create({ name: 'client suite' });
  labelId = label.id;
  expect((await client.labels.show(label.id)).name).toBe('client suite');
  expect((await client.labels.list()).map((l) => l.id)).toContain(label.id);

  const script = await client.scripts.create({ name: 'install', code: 'echo hi', parameters: ['PORT'] });
  scriptId = script.id;
  expect((await client.scripts.update(script.id, { description: 'installs' })).description).toBe('installs');
  expect((await client.scripts.show(script.id)).parameters).toEqual(['PORT']);
  expect((await client.scripts.list()).map((s) => s.id)).toContain(script.id);

  const assigned = await client.labels.assign(label.id, { resources: [{ id: script.id, resource_type: 'script' }] });
  expect(assigned).toEqual(expect.arrayContaining([expect.objectContaining({ id: script.id, resource_type: 'script' })]));
  expect((await client.scripts.show(script.id)).label_ids).toContain(label.id);
  expect(await client.labels.unassign(label.id, 'script', script.id)).toBe(true);
  expect((await client.scripts.show(script.id)).label_ids ?? []).not.toContain(label.id);

  // The upload flow: create, PUT the file to its upload_url, mark uploaded; then read it back.
  const created = await client.attachments.create(script.id, { name: 'payload.txt' });
  await client.uploadTo(created.upload_url as string, Buffer.from('attached bytes'));
  const attachment = await client.attachments.uploaded(created.id, { name: 'payload.txt' });
  attachmentId = attachment.id;
  expect(attachment.uploaded).toBe(true);
  expect((await client.attachments.show(attachment.id)).name).toBe('payload.txt');
  expect((await client.attachments.list(script.id)).map((a) => a.id)).toEqual([attachment.id]);
  const shown = await client.attachments.show(attachment.id);
  expect((await client.downloadFrom(shown.download_url as string)).toString()).toBe('attached bytes');
  const manual = await client.attachments.create(script.id, { name: 'manual.txt' });
  await client.uploadTo(manual.upload_url as string, Buffer.from('manual'));
  expect((await client.attachments.uploaded(manual.id, { name: 'manual.txt' })).uploaded).toBe(true);
  expect(await client.attachments.remove(manual.id)).toBe(true);
});

test('cookbook version upload: create, chunked PUT, process, ready', async () => {
  const created = await client.cookbookVersions.create({});
  await client.uploadTo(created.upload_url as string, cookbookArchive('clientbook', '2.0.1'));
  const version = await client.cookbookVersions.process(created.id);
  const ready = await client.waitFor('cookbook_version', version.id, { states: ['ready'] }, { timeoutMs: 10_000 });
  expect(ready).toMatchObject({ name: 'clientbook', version: '2.0.1' });
  expect((await client.cookbookVersions.show(version.id)).recipes).toEqual(expect.arrayContaining(['clientbook::default']));
  expect((await client.cookbookVersions.list()).map((v) => v.id)).toContain(version.id);
  // process alone on a fresh, empty version is refused in IMCO's field-error shape
  const empty = await client.cookbookVersions.create({});
  const err = (await h.recorder.rejection(client.cookbookVersions.process(empty.id))) as ImcoError;
  expect(err.status).toBe(422);
  expect(err.fieldErrors?.upload_url?.[0]).toContain('nothing was uploaded');
  expect(await client.cookbookVersions.remove(empty.id)).toBe(true);
  expect(await client.cookbookVersions.remove(version.id)).toBe(true);
});

let template: Template;
let templateScriptIds: string[];

test('templates, compile and template scripts with reorder', async () => {
  template = await client.templates.create({ name: 'web', generic_image_id: seeds.genericImage, run_list: ['recipe[nginx]'] });
  expect((await client.templates.update(template.id, { run_list: ['recipe[nginx]', 'recipe[app]'] })).run_list).toEqual([
    'recipe[nginx]',
    'recipe[app]',
  ]);
  const compiling = await client.templates.compile(template.id);
  expect(['compiling', 'ready']).toContain(compiling.state);
  await client.waitFor<Template>('template', template.id, { states: ['ready'] }, { timeoutMs: 10_000 });
  expect((await client.templates.show(template.id)).state).toBe('ready');
  expect((await client.templates.list()).map((t) => t.id)).toContain(template.id);

  const first = await client.templateScripts.create(template.id, { type: 'operational', script_id: scriptId, parameter_values: { PORT: '80' } });
  const second = await client.templateScripts.create(template.id, { type: 'operational', script_id: scriptId });
  templateScriptIds = [first.id, second.id];
  expect((await client.templateScripts.update(template.id, first.id, { parameter_values: { PORT: '8080' } })).parameter_values).toEqual({ PORT: '8080' });
  expect((await client.templateScripts.show(template.id, second.id)).script_id).toBe(scriptId);
  const reordered = await client.templateScripts.reorder(template.id, { type: 'operational', script_ids: [second.id, first.id] });
  expect(reordered.map((ts) => ts.id)).toEqual([second.id, first.id]);
  const listed = await client.templateScripts.list(template.id, { type: 'operational' });
  expect([...listed].sort((a, b) => a.execution_order - b.execution_order).map((ts) => ts.id)).toEqual([second.id, first.id]);
});

let firewallId: string;
let sshId: string;

test('firewall and SSH profiles', async () => {
  const firewall = await client.firewallProfiles.create({
    name: 'web',
    description: 'web servers',
    rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
  });
  firewallId = firewall.id;
  const updated = await client.firewallProfiles.update(firewall.id, {
    rules: [
      { ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' },
      { ip_protocol: 'tcp', min_port: 22, max_port: 22, source: '10.0.0.0/8' },
    ],
  });
  expect(updated.rules).toHaveLength(2);
  expect((await client.firewallProfiles.show(firewall.id)).description).toBe('web servers');
  expect((await client.firewallProfiles.list()).some((f) => f.default)).toBe(true);

  const ssh = await client.sshProfiles.create({ name: 'ops', public_key: 'ssh-ed25519 AAAAC3Nza client@suite', private_key: SSH_PRIVATE_KEY });
  sshId = ssh.id;
  expect(JSON.stringify(ssh)).not.toContain('PRIVATE');
  expect((await client.sshProfiles.update(ssh.id, { name: 'ops-renamed', private_key: SSH_PRIVATE_KEY })).name).toBe('ops-renamed');
  expect((await client.sshProfiles.show(ssh.id)).public_key).toContain('ssh-ed25519');
  expect((await client.sshProfiles.list()).map((s) => s.id)).toContain(ssh.id);
});

let vpcId: string;
let subnetId: string;

test('VPC, subnet, VPN and VPN plans', async () => {
  const vpc = await client.vpcs.create({ name: 'main', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
  vpcId = vpc.id;
  await client.waitFor('vpc', vpc.id, { states: ['available'] }, { timeoutMs: 10_000 });
  expect((await client.vpcs.update(vpc.id, { name: 'main-renamed' })).name).toBe('main-renamed');
  expect((await client.vpcs.show(vpc.id)).cidr).toBe('10.0.0.0/16');
  expect((await client.vpcs.list()).map((v) => v.id)).toContain(vpc.id);

  const subnet = await client.subnets.create(vpc.id, { name: 'front', cidr: '10.0.1.0/24', type: 'only_public' });
  subnetId = subnet.id;
  await client.waitFor('subnet', subnet.id, { states: ['available'] }, { timeoutMs: 10_000 });
  expect((await client.subnets.update(subnet.id, { name: 'front-renamed' })).name).toBe('front-renamed');
  expect((await client.subnets.show(subnet.id)).vpc_id).toBe(vpc.id);
  expect((await client.subnets.list(vpc.id)).map((s) => s.id)).toEqual([subnet.id]);

  const plans = await client.vpnPlans.list(vpc.id);
  expect(plans.length).toBeGreaterThan(0);
  const vpn = await client.vpns.create(vpc.id, { public_ip: '203.0.113.10', psk: PSK, exposed_cidrs: ['192.168.0.0/24'], vpn_plan_id: plans[0].id });
  expect(JSON.stringify(vpn)).not.toContain(PSK);
  await client.waitFor('vpn', vpn.id, { states: ['available'] }, { timeoutMs: 10_000, parentParams: { vpc_id: vpc.id } });
  expect((await client.vpns.show(vpc.id)).vpc_id).toBe(vpc.id);
  expect(await client.vpns.remove(vpc.id)).toBe(true);
});

let server: Server;

test('server lifecycle with every action, volumes and floating IPs', async () => {
  server = await client.servers.create({
    name: 'web-1',
    template_id: template.id,
    server_plan_id: seeds.serverPlan,
    cloud_account_id: seeds.account,
    ssh_profile_id: sshId,
    firewall_profile_id: firewallId,
    subnet_id: subnetId,
  });
  await client.waitFor('server', server.id, { states: ['inactive'] }, { timeoutMs: 10_000 });
  expect((await client.servers.update(server.id, { name: 'web-one' })).name).toBe('web-one');
  expect((await client.servers.list()).map((s) => s.id)).toContain(server.id);
  expect((await client.subnets.servers(subnetId)).map((s) => s.id)).toContain(server.id);
  expect((await client.templates.servers(template.id)).map((s) => s.id)).toContain(server.id);

  const volume = await client.volumes.create({ name: 'data', size: 10, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan });
  await client.waitFor('volume', volume.id, { states: ['available'] }, { timeoutMs: 10_000 });
  expect((await client.volumes.update(volume.id, { name: 'data-renamed' })).name).toBe('data-renamed');
  expect((await client.volumes.attach(volume.id, { attached_server_id: server.id })).id).toBe(server.id);
  await client.waitFor('volume', volume.id, { states: ['attached'] }, { timeoutMs: 10_000 });
  expect((await client.volumes.list({ server_id: server.id })).map((v) => v.id)).toEqual([volume.id]);
  expect((await client.servers.volumes(server.id)).map((v) => v.id)).toEqual([volume.id]);
  expect(await client.volumes.detach(volume.id)).toBe(true);
  await client.waitFor('volume', volume.id, { states: ['available'] }, { timeoutMs: 10_000 });
  expect((await client.volumes.show(volume.id)).attached_server_id ?? null).toBeNull();
  expect((await client.volumes.list()).map((v) => v.id)).toContain(volume.id);
  expect(await client.volumes.remove(volume.id)).toBe(true);

  const ip = await client.floatingIps.create({ name: 'front-ip', cloud_account_id: seeds.account, realm_id: seeds.realm });
  await client.waitFor('floating_ip', ip.id, { states: ['available'] }, { timeoutMs: 10_000 });
  expect((await client.floatingIps.update(ip.id, { name: 'front-ip-2' })).name).toBe('front-ip-2');
  expect((await client.floatingIps.attach(ip.id, { attached_server_id: server.id })).id).toBe(server.id);
  expect((await client.floatingIps.list({ server_id: server.id })).map((f) => f.id)).toEqual([ip.id]);
  expect((await client.servers.floatingIps(server.id)).map((f) => f.id)).toEqual([ip.id]);
  expect((await client.floatingIps.show(ip.id)).attached_server_id).toBe(server.id);
  expect(await client.floatingIps.detach(ip.id)).toBe(true);
  expect((await client.floatingIps.list()).map((f) => f.id)).toContain(ip.id);
  expect(await client.floatingIps.remove(ip.id)).toBe(true);

  await client.servers.boot(server.id);
  await client.waitFor('server', server.id, { states: ['operational'] }, { timeoutMs: 10_000 });
  await client.servers.reboot(server.id);
  await client.waitFor('server', server.id, { states: ['operational'] }, { timeoutMs: 10_000 });
  const scripts = await client.servers.operationalScripts(server.id);
  expect(scripts.map((s) => s.id).sort()).toEqual([...templateScriptIds].sort());
  const execution = await client.servers.executeScript(server.id, templateScriptIds[0]);
  expect(execution.id).toBeTruthy();
  expect((await client.servers.events(server.id)).length).toBeGreaterThan(0);

  h.emu.forceState('server', server.id, 'stalled');
  await client.servers.override(server.id);
  await client.waitFor('server', server.id, { states: ['operational'] }, { timeoutMs: 10_000 });
  await client.servers.shutdown(server.id);
  await client.waitFor('server', server.id, { states: ['inactive'] }, { timeoutMs: 10_000 });
  expect(await client.servers.remove(server.id)).toBe(true);
  await client.waitForGone('server', server.id, { timeoutMs: 10_000 });
  expect((await client.servers.show(server.id).catch((e: ImcoError) => e)) as ImcoError).toMatchObject({ code: 'http', status: 404 });
});

test('server array lifecycle', async () => {
  const array = await client.serverArrays.create({ name: 'workers', template_id: template.id, server_plan_id: seeds.serverPlan, cloud_account_id: seeds.account, size: 1, subnet_id: subnetId });
  await client.waitFor('server_array', array.id, { states: ['inactive'] }, { timeoutMs: 10_000 });
  expect((await client.serverArrays.update(array.id, { name: 'workers-2' })).name).toBe('workers-2');
  expect((await client.serverArrays.enlarge(array.id, { size: 2 })).size).toBe(3);
  await h.emu.settle();
  expect((await client.serverArrays.servers(array.id)).length).toBe(3);
  expect((await client.subnets.serverArrays(subnetId)).map((a) => a.id)).toContain(array.id);
  await client.serverArrays.boot(array.id);
  await client.waitFor('server_array', array.id, { states: ['operational'] }, { timeoutMs: 10_000 });
  await client.serverArrays.shutdown(array.id);
  await client.waitFor('server_array', array.id, { states: ['inactive'] }, { timeoutMs: 10_000 });
  await client.serverArrays.empty(array.id);
  await client.waitFor('server_array', array.id, (a) => a.size === 0 && a.state === 'inactive', { timeoutMs: 10_000, description: 'an empty inactive array' });
  expect((await client.serverArrays.show(array.id)).size).toBe(0);
  expect((await client.serverArrays.list()).map((a) => a.id)).toContain(array.id);
  expect(await client.serverArrays.remove(array.id)).toBe(true);
});

test('audit events of what happened so far', async () => {
  const events = await client.events.list();
  expect(events.length).toBeGreaterThan(0);
  expect((await client.events.show(events[0].id)).id).toBe(events[0].id);
  expect(Array.isArray(await client.events.system())).toBe(true);
});

test('SaaS accounts: write-only account data', async () => {
  const datadog = (await client.saasProviders.list()).find((p) => p.name === 'Datadog')!;
  expect(datadog.required_account_data).toEqual(Object.keys(ACCOUNT_DATA));
  const account = await client.saasAccounts.create({ saas_provider_id: datadog.id, account_data: ACCOUNT_DATA });
  expect(Object.keys(account).sort()).toEqual(['id', 'resource_type', 'saas_provider_id']);
  expect((await client.saasAccounts.update(account.id, { account_data: ACCOUNT_DATA })).id).toBe(account.id);
  expect((await client.saasAccounts.list()).map((a) => a.id)).toContain(account.id);
  // No show endpoint: the generic show reads the list.
  expect((await client.show('saas_account', account.id)).id).toBe(account.id);
  expect(await client.saasAccounts.remove(account.id)).toBe(true);
  expect(((await client.show('saas_account', account.id).catch((e: ImcoError) => e)) as ImcoError).status).toBe(404);
});

test('generic helpers by kind and op id; request() for any path', async () => {
  const vpc = await client.create<{ id: string; name: string }>('vpc', {
    name: 'generic',
    cidr: '172.16.0.0/16',
    cloud_account_id: seeds.account,
    realm_provider_name: seeds.realmProviderName,
  });
  expect((await client.show('vpc', vpc.id)).name).toBe('generic');
  expect((await client.update('vpc', vpc.id, { name: 'generic-2' })).name).toBe('generic-2');
  expect((await client.list('vpc')).map((v) => v.id)).toContain(vpc.id);
  expect((await client.list('subnet', { vpc_id: vpcId })).map((s) => s.id)).toEqual([subnetId]);
  expect((await client.call<{ id: string }>('vpc.show', { id: vpc.id })).id).toBe(vpc.id);
  expect((await client.request<{ id: string }[]>({ method: 'GET', path: '/network/vpcs' })).length).toBeGreaterThan(1);
  await client.waitFor('vpc', vpc.id, { states: ['available'] });
  expect(await client.remove('vpc', vpc.id)).toBe(true);
  await client.waitForGone('vpc', vpc.id);
  expect(await client.remove('vpc', vpc.id)).toBe(false);
  const compiled = await client.action<Template>('template', 'compile', template.id);
  expect(compiled.id).toBe(template.id);
  await client.waitFor('template', template.id, { states: ['ready'] });

  const err = (await h.recorder.rejection(client.call('vpc.explode'))) as ImcoError;
  expect(err).toMatchObject({ code: 'config' });
  expect(err.message).toContain("unknown IMCO operation 'vpc.explode'");
  const noOp = (await h.recorder.rejection(client.action('vpc', 'boot', vpcId))) as ImcoError;
  expect(noOp.message).toBe("IMCO VPC has no 'boot' operation (no endpoint vpc.boot in the catalog)");
  const missingParam = (await h.recorder.rejection(client.call('subnet.list'))) as ImcoError;
  expect(missingParam.message).toBe('IMCO subnet.list (GET /network/vpcs/{vpc_id}/subnets) needs path parameters vpc_id');
});

test('both IMCO error body shapes arrive as one-line messages with status, method and path', async () => {
  const invalid = (await h.recorder.rejection(
    client.vpcs.create({ name: 'bad', cidr: '10.0.0.0/99', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName }),
  )) as ImcoError;
  expect(invalid).toMatchObject({ code: 'http', status: 422, method: 'POST', path: '/network/vpcs' });
  expect(invalid.fieldErrors?.cidr?.length).toBeGreaterThan(0);
  expect(invalid.message).toMatch(/^IMCO POST \/network\/vpcs failed \(422\): cidr: .+$/);
  expect(invalid.message).not.toContain('\n');

  const missing = (await h.recorder.rejection(client.vpcs.show('000000000000000000000000'))) as ImcoError;
  expect(missing).toMatchObject({ code: 'http', status: 404, method: 'GET', path: '/network/vpcs/000000000000000000000000' });
  expect(missing.messages.length).toBe(1);
  expect(missing.fieldErrors).toBeUndefined();
  expect(missing.message).toBe(`IMCO GET /network/vpcs/000000000000000000000000 failed (404): ${missing.messages[0]}`);

  const wrongState = (await h.recorder.rejection(client.servers.boot('000000000000000000000000'))) as ImcoError;
  expect(wrongState.isNotFound).toBe(true);
});

test('deleting what is left, including discards', async () => {
  expect(await client.templateScripts.remove(template.id, templateScriptIds[0])).toBe(true);
  expect(await client.templateScripts.remove(template.id, templateScriptIds[0])).toBe(false);
  expect(await client.templates.remove(template.id)).toBe(true);
  expect(await client.attachments.remove(attachmentId)).toBe(true);
  expect(await client.scripts.remove(scriptId)).toBe(true);
  expect(await client.firewallProfiles.remove(firewallId)).toBe(true);
  expect(await client.sshProfiles.remove(sshId)).toBe(true);
  expect(await client.subnets.remove(subnetId)).toBe(true);
  await client.waitForGone('subnet', subnetId, { timeoutMs: 10_000 });
  expect(await client.vpcs.remove(vpcId)).toBe(true);

  const spareVpc = await client.vpcs.create({ name: 'spare', cidr: '192.168.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
  expect(await client.vpcs.discard(spareVpc.id)).toBe(true);
  const spareIp = await client.floatingIps.create({ name: 'spare', cloud_account_id: seeds.account, realm_id: seeds.realm });
  expect(await client.floatingIps.discard(spareIp.id)).toBe(true);
  const spareVolume = await client.volumes.create({ name: 'spare', size: 1, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan });
  expect(await client.volumes.discard(spareVolume.id)).toBe(true);
  expect(labelId).toBeTruthy();
});

test('every facade method was called', () => {
  const all = facadeMethods(client).map(([name, method]) => `${name}.${method}`);
  expect(all.length).toBeGreaterThan(100);
  expect(all.filter((m) => !called.has(m))).toEqual([]);
});

test('every endpoint of the catalog was reached by a client method with a 2xx answer', () => {
  const reached = new Set(
    h.lines.filter((l) => l.status !== undefined && l.status < 300).map((l) => endpointHit(l)?.op).filter((op): op is string => !!op),
  );
  expect(ENDPOINTS.map((e) => e.op).filter((op) => !reached.has(op))).toEqual([]);
});

test('no error message or request line of this suite holds key material or secret values', async () => {
  const fs = await import('node:fs');
  const clientKey = fs.readFileSync(h.emu.clientKey, 'utf8');
  expect(h.recorder.lines.length).toBeGreaterThan(200);
  expect(h.recorder.leaks(LeakRecorder.forbiddenFragments([clientKey], SECRETS))).toEqual([]);
});
