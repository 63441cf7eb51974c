// `importFrom` at synth: the object's resource gets an import block whose id carries the
// configuration-only attributes (owner, secret reference and version, a template's compile flag),
// its template scripts import their own ids, and misuse is one clear error.
import { FirewallProfile, Script, Secret, SshProfile, Template } from '../../../lib/constructs';
import { parseImportId } from '../../../lib/provider/resources/adoption';
import { kindModels } from '../../../lib/provider/resources/schema';
import { makeStack, synthJson, withEnv, type Json } from '../helpers';

const model = (type: string) => kindModels().find((m) => m.typeName === type)!;

function importsOf(json: Json): Record<string, string> {
  return Object.fromEntries(((json.import ?? []) as { to: string; id: string }[]).map((i) => [i.to, i.id]));
}

test('the import ids carry what IMCO never returns, and equal the synthesized attributes', () => {
  withEnv({ EXPORT_KEY: 'key-material-never-in-json' }, () => {
    const { stack } = makeStack({ flavour: 'provider' });
    const fw = new FirewallProfile(stack, 'web', { name: 'web', rules: [] }).importFrom('fw-1');
    const ssh = new SshProfile(stack, 'ops', { name: 'ops', publicKey: 'ssh-ed25519 AAAA ops@x', privateKey: Secret.fromEnv('EXPORT_KEY') }).importFrom('ssh-1');
    const script = new Script(stack, 'boot', { name: 'boot', code: 'true' }).importFrom('s-1');
    new Template(stack, 'tpl', { name: 'tpl', genericImage: 'img-1', bootScripts: [{ script }] }).importFrom('t-1', ['t-1/ts-1']);
    const json = synthJson(stack);
    const text = JSON.stringify(json);
    expect(text).not.toContain('key-material-never-in-json');
    const imports = importsOf(json);
    const fwResource = json.resource.imco_firewall_profile.web;
    expect(parseImportId(model('imco_firewall_profile'), imports['imco_firewall_profile.web'])).toEqual({ id: 'fw-1', values: { owner: fwResource.owner } });
    expect(fw.ownerLabel).toBe(fwResource.owner);
    const sshResource = json.resource.imco_ssh_profile.ops;
    expect(parseImportId(model('imco_ssh_profile'), imports['imco_ssh_profile.ops'])).toEqual({
      id: 'ssh-1',
      values: { owner: sshResource.owner, private_key_env: 'EXPORT_KEY', private_key_version: sshResource.private_key_version },
    });
    expect(ssh.ownerLabel).toBe(sshResource.owner);
    expect(parseImportId(model('imco_template'), imports['imco_template.tpl'])).toEqual({ id: 't-1', values: { owner: json.resource.imco_template.tpl.owner, compile: true } });
    expect(imports['imco_template_script.tpl_boot_1']).toBe('t-1/ts-1');
  });
});

test('misuse: another flavour, a part count that does not match, an id with a query of its own', () => {
  const { stack } = makeStack({ flavour: 'terraform_data' });
  expect(() => new FirewallProfile(stack, 'web', { name: 'web' }).importFrom('fw-1')).toThrow(
    "firewall profile 'web': importFrom needs the provider flavour (ImcoSettings flavour 'provider', the default)",
  );
  const { stack: p } = makeStack({ flavour: 'provider' });
  const script = new Script(p, 'boot', { name: 'boot', code: 'true' });
  const template = new Template(p, 'tpl', { name: 'tpl', genericImage: 'img-1', bootScripts: [{ script }] });
  expect(() => template.importFrom('t-1')).toThrow(/importFrom: 0 part id\(s\) given for 1 part resource\(s\) \(imco_template_script\): give one per part, in declaration order/);
  expect(() => script.importFrom('s-1?owner=x')).toThrow(/importFrom: 's-1\?owner=x' is not an IMCO import id/);
});
