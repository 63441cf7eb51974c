// main.ts from an estate, without IMCO: stable readable ids (clashes settled by kind, then by the
// id's end), references as construct variables, lookups shared, secrets as placeholders, objects
// a table cannot express (or whose references are not exported) skipped with the reason.
import type { EstateObject } from '../../lib/export/estate';
import type { LookupCode } from '../../lib/export/lookups';
import { camel, constructIds, slug } from '../../lib/export/names';
import { renderApp } from '../../lib/export/render';

const obj = (kind: string, id: string, live: Record<string, unknown>, extra: Partial<EstateObject> = {}): EstateObject => ({
  kind, id, name: typeof live.name === 'string' ? live.name : '', live: { id, ...live }, ...extra,
});

const estate: EstateObject[] = [
  obj('firewall_profile', 'fw1', { name: 'web', description: 'in', rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }, { ip_protocol: 'udp', min_port: 1, max_port: 9, source: '10.0.0.0/8' }] }),
  obj('firewall_profile', 'fw2', { name: 'icmp', rules: [{ ip_protocol: 'icmp', min_port: 0, max_port: 0, source: 'any' }] }),
  obj('script', 'sc1', { name: 'boot', description: '', code: 'true', parameters: [] }),
  obj('template', 'tp1', { name: 'web', generic_image_id: 'img1', run_list: [], cookbook_versions: { nginx: { version: '~> 12.0' } }, configuration_attributes: {} }, {
    parts: { template_script: [{ id: 'ts1', type: 'boot', script_id: 'sc1', parameter_values: {} }] },
  }),
  obj('template', 'tp2', { name: 'other', generic_image_id: 'img1' }, { parts: { template_script: [{ id: 'ts2', type: 'boot', script_id: 'owned-script' }] } }),
  obj('server', 'sv1', { name: 'db', state: 'operational', template_id: 'tp1', cloud_account_id: 'ca1', server_plan_id: 'sp1', ssh_profile_id: 'default-ssh', firewall_profile_id: 'fw1' }),
  obj('volume', 'vo1', { name: 'data', size: 10, cloud_account_id: 'ca1', storage_plan_id: 'st1', attached_server_id: 'sv1' }),
  obj('volume', 'vo2', { name: 'data', size: 10, cloud_account_id: 'ca1', storage_plan_id: 'st1', attached_server_id: 'elsewhere' }),
  obj('saas_account', 'sa1', { saas_provider_id: 'nr' }, { name: 'New Relic account' }),
];

const lookups = new Map<string, LookupCode>([
  ['cloud_account:ca1', { expression: 'CloudAccount.fromName(this, "prod")', className: 'CloudAccount', stem: 'prod account' }],
  ['generic_image:img1', { expression: 'GenericImage.fromName(this, "Ubuntu")', className: 'GenericImage', stem: 'Ubuntu image' }],
  ['server_plan:sp1', { expression: '"sp1" /* server plan: not found by name */', stem: 'server_plan' }],
]);

test('ids and variables: readable, unique, stable', () => {
  expect(slug('My Web (prod)', 'x')).toBe('my-web-prod');
  expect(slug('***', 'vpc')).toBe('vpc');
  expect(camel('AWS-cloud_account-production')).toBe('awsCloudAccountProduction');
  expect(camel('new')).toBe('newObject');
  expect(camel('9lives')).toBe('o9lives');
  const ids = constructIds(estate);
  expect(ids.get('fw1')).toBe('web-firewall-profile');
  expect(ids.get('tp1')).toBe('web-template');
  expect(ids.get('vo1')).toBe('data-volume-vo1');
  expect(ids.get('vo2')).toBe('data-volume-vo2');
  expect(ids.get('sa1')).toBe('new-relic-account');
  expect(constructIds([...estate].reverse())).toEqual(ids);
});

test('main.ts: references, lookups, import ids, secrets, skips with reasons', () => {
  const app = renderApp({ stack: 'legacy', endpoint: 'https://imco.test/v2', objects: estate, lookups });
  expect(renderApp({ stack: 'legacy', endpoint: 'https://imco.test/v2', objects: estate, lookups }).mainTs).toBe(app.mainTs);
  const m = app.mainTs;
  expect(m).toContain("import { CloudAccount, FirewallProfile, GenericImage, ImcoSettings, SaasAccount, Script, Secret, Server, Template, Volume } from 'imco-cdktf';");
  expect(m).toContain('rules: [{"protocol":"tcp","port":443,"source":"0.0.0.0/0"},{"protocol":"udp","fromPort":1,"toPort":9,"source":"10.0.0.0/8"}],');
  expect(m).toContain('bootScripts: [{ script: boot }],');
  expect(m).toContain('}).importFrom("tp1", ["tp1/ts1"]);');
  expect(m).toContain('const prodAccount = CloudAccount.fromName(this, "prod");');
  expect(m.match(/CloudAccount\.fromName/g)).toHaveLength(1);
  expect(m).toContain('serverPlan: "sp1" /* server plan: not found by name */,');
  expect(m).toContain('template: webTemplate,');
  expect(m).toContain('sshProfile: "default-ssh",');
  expect(m).toContain('firewallProfile: webFirewallProfile,');
  expect(m).toContain('server: db,');
  expect(m).toContain('accountData: Secret.fromEnv("IMCO_NEW_RELIC_ACCOUNT_ACCOUNT_DATA", { format: "json" }),');
  expect(app.secrets).toEqual([{ variable: 'IMCO_NEW_RELIC_ACCOUNT_ACCOUNT_DATA', construct: 'new-relic-account', what: 'the account data (a JSON object)' }]);
  expect(app.exported.map((o) => o.id)).toEqual(['fw1', 'sc1', 'tp1', 'sv1', 'vo1', 'sa1']);
  expect(app.skipped.map((s) => `${s.id}: ${s.reason}`)).toEqual([
    "fw2: rule protocol 'icmp' has no FirewallRule form (tcp and udp only)",
    'tp2: its boot script owned-script is not exported',
    'vo2: attached to server elsewhere, which this export does not adopt',
  ]);
});
