// The two-resource encoding of design §2, in both flavours: names, triggers (immutable vs mutable),
// provisioners (commands, environments; destroy-time ones reference only self), dependencies,
// the spec handed to imco-bridge, action resources, escaping and the spec size limit.
import { Construct } from 'constructs';
import { SPEC_VERSION } from '../../lib/spec/spec';
import { FirewallProfile, Script, Server, Subnet, Template, Vpc, type HandlerFlavour, type FirewallRule } from '../../lib/constructs';
import { makeStack, provisioners, resourcesOf, specOf, synthJson, terraformUnescape, triggersOf, validationErrors } from './helpers';

const FLAVOURS: HandlerFlavour[] = ['terraform_data', 'null_resource'];

/** Every `${…}` expression Terraform would evaluate in a string (escaped `$${` skipped). */
function liveExpressions(text: string): string[] {
  const out: string[] = [];
  const re = /(\$+)\{([^}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m[1].length % 2 === 1) out.push(`\${${m[2]}}`);
  return out;
}

function firewallStack(flavour: HandlerFlavour, rules: FirewallRule[]) {
  const { stack } = makeStack({ flavour });
  const network = new Construct(stack, 'network');
  new FirewallProfile(network, 'web', { name: 'web', description: 'web tier', rules });
  return resourcesOf(synthJson(stack), flavour);
}

const RULE_443: FirewallRule = { protocol: 'tcp', port: 443, source: '0.0.0.0/0' };
const RULE_22: FirewallRule = { protocol: 'tcp', port: 22, source: '10.0.0.0/8' };

describe.each(FLAVOURS)('%s flavour', (flavour) => {
  const ref = (name: string) => `\${${flavour}.${name}.id}`;

  test('a firewall profile becomes <path> and <path>_sync with the catalog split of its fields', () => {
    const r = firewallStack(flavour, [RULE_443]);
    expect(Object.keys(r).sort()).toEqual(['network_web', 'network_web_sync']);
    const lifecycle = triggersOf(r.network_web, flavour);
    expect(lifecycle).toEqual({
      imco_kind: 'firewall_profile',
      imco_stack: 'shop',
      imco_path: 'network/web',
      imco_endpoint: 'https://imco.test:886/v2',
      imco_self: JSON.stringify({ kind: 'firewall_profile', owner: 'shop.network.web', path: 'network/web' }),
      ...(flavour === 'null_resource' ? { imco_timeout: '60' } : {}),
    });
    if (flavour === 'terraform_data') expect(r.network_web.input).toEqual({ imco_timeout: '60' });
    expect(triggersOf(r.network_web_sync, flavour)).toEqual({
      imco_lifecycle: ref('network_web'),
      name: 'web',
      description: 'web tier',
      rules: JSON.stringify([{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }]),
    });
    expect(r.network_web_sync.depends_on).toEqual([`${flavour}.network_web`]);
    // An object that uses no other is created after, and destroyed before, the stack's sweep resource.
    expect(r.network_web.depends_on).toEqual([`${flavour}.imco_sweep`]);
  });

  test('adding a rule changes only the _sync triggers (an update in place, not a replacement)', () => {
    const before = firewallStack(flavour, [RULE_443]);
    const after = firewallStack(flavour, [RULE_443, RULE_22]);
    expect(triggersOf(after.network_web, flavour)).toEqual(triggersOf(before.network_web, flavour));
    expect(triggersOf(after.network_web_sync, flavour)).not.toEqual(triggersOf(before.network_web_sync, flavour));
    expect(JSON.parse(triggersOf(after.network_web_sync, flavour).rules)).toHaveLength(2);
  });

  test('lifecycle provisioners: create with the full spec and ${self.id}; destroy with only self', () => {
    const r = firewallStack(flavour, [RULE_443]);
    const [create, destroy] = provisioners(r.network_web);
    expect(create.when).toBeUndefined();
    expect(create.command).toBe('imco-bridge create');
    expect(Object.keys(create.environment).sort()).toEqual(['CONCERTO_ENDPOINT', 'IMCO_BRIDGE_SPEC', 'IMCO_BRIDGE_TF_ID', 'IMCO_STACK_INSTANCE']);
    expect(create.environment.IMCO_BRIDGE_TF_ID).toBe('${self.id}');
    // A failed create must not taint the lifecycle resource (its destroy provisioner would never run).
    expect(create.on_failure).toBe('continue');
    expect(destroy).toEqual({
      when: 'destroy',
      command: 'imco-bridge delete',
      environment: {
        CONCERTO_ENDPOINT: 'https://imco.test:886/v2',
        IMCO_BRIDGE_TRIGGERS:
          flavour === 'terraform_data' ? '${jsonencode(merge(self.triggers_replace, self.input))}' : '${jsonencode(self.triggers)}',
        // The stack instance of the ownership labels (a literal: no replacement when it is added).
        IMCO_STACK_INSTANCE: create.environment.IMCO_STACK_INSTANCE,
      },
    });
  });

  test('the sync provisioner runs update with the full spec and the lifecycle id; it has no destroy provisioner', () => {
    const r = firewallStack(flavour, [RULE_443]);
    const sync = provisioners(r.network_web_sync);
    expect(sync).toHaveLength(1);
    expect(sync[0].on_failure).toBeUndefined(); // a failed update fails the apply
    expect(sync[0].command).toBe('imco-bridge update');
    expect(sync[0].environment.IMCO_BRIDGE_TF_ID).toBe(ref('network_web'));
    expect(specOf(r.network_web_sync)).toEqual(specOf(r.network_web));
  });

  test('the spec is the BridgeSpec of design §2', () => {
    const r = firewallStack(flavour, [RULE_443]);
    expect(specOf(r.network_web)).toEqual({
      version: SPEC_VERSION,
      kind: 'firewall_profile',
      stack: 'shop',
      instance: expect.stringMatching(/^[A-Za-z0-9_-]{8,40}$/),
      path: 'network/web',
      endpoint: 'https://imco.test:886/v2',
      self: { kind: 'firewall_profile', owner: 'shop.network.web', path: 'network/web' },
      fields: {
        name: 'web',
        description: 'web tier',
        rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
      },
      extras: {},
      timeoutSeconds: 60,
    });
  });

  test('references: immutable ones carry the lifecycle id (parent replaced ⇒ child replaced), creation waits for the referenced sync', () => {
    const { stack } = makeStack({ flavour });
    const vpc = new Vpc(stack, 'network', { name: 'main', cidr: '10.0.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'eu-west-1' });
    new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'only_private' });
    const r = resourcesOf(synthJson(stack), flavour);
    expect(triggersOf(r.network_web, flavour).imco_parent).toBe(ref('network'));
    expect(r.network_web.depends_on).toEqual([`${flavour}.network_sync`]);
    expect(specOf(r.network_web).self).toEqual({
      kind: 'subnet',
      parent: { kind: 'vpc', owner: 'shop.network', path: 'network' },
      natural: { cidr: '10.0.1.0/24' },
      path: 'network/web',
    });
  });

  test('changing a VPC CIDR changes its lifecycle triggers (replacement), its name only the sync', () => {
    const build = (cidr: string, name: string) => {
      const { stack } = makeStack({ flavour });
      new Vpc(stack, 'network', { name, cidr, cloudAccount: 'ca-1', realmProviderName: 'eu-west-1' });
      return resourcesOf(synthJson(stack), flavour);
    };
    const base = build('10.0.0.0/16', 'main');
    const cidr = build('10.1.0.0/16', 'main');
    const renamed = build('10.0.0.0/16', 'core');
    expect(triggersOf(cidr.network, flavour).cidr).toBe('10.1.0.0/16');
    expect(triggersOf(cidr.network, flavour)).not.toEqual(triggersOf(base.network, flavour));
    expect(triggersOf(renamed.network, flavour)).toEqual(triggersOf(base.network, flavour));
    expect(triggersOf(renamed.network_sync, flavour).name).toBe('core');
  });

  test('server actions: <name>_reboot and <name>_exec_<script id> after the sync, with the action in the spec', () => {
    const { stack } = makeStack({ flavour });
    const script = new Script(stack, 'deploy', { name: 'deploy', code: 'echo hi' });
    const template = new Template(stack, 'tpl', { name: 'tpl', genericImage: 'img-1', operationalScripts: [{ script }] });
    const fw = new FirewallProfile(stack, 'fw', { name: 'fw' });
    new Server(stack, 'web', {
      name: 'web',
      template,
      serverPlan: 'plan-1',
      cloudAccount: 'ca-1',
      sshProfile: 'ssh-1',
      firewallProfile: fw,
      rebootTrigger: '2024-05-01',
      scriptExecutions: [{ script, trigger: 'release-7' }],
    });
    const r = resourcesOf(synthJson(stack), flavour);
    expect(Object.keys(r).sort()).toEqual(['deploy', 'deploy_sync', 'fw', 'fw_sync', 'tpl', 'tpl_sync', 'web', 'web_exec_deploy', 'web_reboot', 'web_sync']);
    expect(triggersOf(r.web_reboot, flavour)).toEqual({ imco_lifecycle: ref('web'), trigger: '2024-05-01' });
    expect(triggersOf(r.web_exec_deploy, flavour)).toEqual({ imco_lifecycle: ref('web'), trigger: 'release-7', script: ref('deploy') });
    expect(r.web_reboot.depends_on).toEqual([`${flavour}.web_sync`]);
    expect(r.web_exec_deploy.depends_on).toEqual([`${flavour}.web_sync`, `${flavour}.deploy_sync`]);
    for (const [name, action] of [
      ['web_reboot', { name: 'reboot' }],
      ['web_exec_deploy', { name: 'execute', script: { $ref: { kind: 'script', owner: 'shop.deploy', path: 'deploy' } } }],
    ] as const) {
      const [p] = provisioners(r[name]);
      expect(provisioners(r[name])).toHaveLength(1);
      expect(p.command).toBe('imco-bridge action');
      expect(p.environment.IMCO_BRIDGE_TF_ID).toBe(ref('web'));
      expect(specOf(r[name])).toEqual({ ...specOf(r.web), action });
    }
    expect(triggersOf(r.web, flavour).template_id).toBe(ref('tpl'));
    expect(triggersOf(r.web, flavour).firewall_profile_id).toBe(ref('fw'));
    expect(triggersOf(r.web, flavour).ssh_profile_id).toBe('ssh-1');
  });

  test('destroy-time provisioners reference nothing but self, in a full stack', () => {
    const { stack } = makeStack({ flavour });
    const vpc = new Vpc(stack, 'network', { name: 'main', cidr: '10.0.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'r' });
    new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'only_private' });
    const r = resourcesOf(synthJson(stack), flavour);
    const destroys = Object.values(r).flatMap(provisioners).filter((p) => p.when === 'destroy');
    expect(destroys).toHaveLength(2);
    for (const p of destroys) {
      const expressions = [p.command, ...Object.values(p.environment)].flatMap(liveExpressions);
      expect(expressions.length).toBeGreaterThan(0);
      for (const e of expressions) expect(e).toMatch(/^\$\{jsonencode\((merge\()?self\.[a-z_]+(, self\.input\))?\)\}$/);
    }
  });
});

describe('escaping of literal text', () => {
  test("a script's ${…} and %{…} reach the handler verbatim and are never interpolated by Terraform", () => {
    const { stack } = makeStack();
    new Script(stack, 'env', { name: 'show ${USER}', code: 'echo ${HOME} %{x}', description: '100%{ok}' });
    const json = synthJson(stack);
    const raw = JSON.stringify(json);
    const r = resourcesOf(json, 'terraform_data');
    expect(triggersOf(r.env_sync, 'terraform_data').code).toBe('echo $${HOME} %%{x}');
    expect(triggersOf(r.env_sync, 'terraform_data').name).toBe('show $${USER}');
    expect(specOf(r.env).fields).toEqual(expect.objectContaining({ name: 'show ${USER}', code: 'echo ${HOME} %{x}', description: '100%{ok}' }));
    // Every live expression in the whole document is one of ours: the stack's prune and sweep
    // resources read only their own keys (`self`), the object's resources these.
    const stackLevel = new Set(liveExpressions(JSON.stringify([json.resource.terraform_data.imco_prune, json.resource.terraform_data.imco_sweep])));
    for (const e of stackLevel) expect(e).toMatch(/^\$\{(lookup|jsonencode)\(.*self\.(triggers_replace|input)\b/);
    const live = new Set(liveExpressions(raw).filter((e) => !stackLevel.has(e)));
    expect([...live].sort()).toEqual([
      '${jsonencode(merge(self.triggers_replace, self.input))}',
      '${self.id}',
      '${terraform_data.env.id}',
    ]);
    expect(raw).not.toMatch(/(^|[^%])%\{x\}/);
    expect(terraformUnescape(triggersOf(r.env_sync, 'terraform_data').code)).toBe('echo ${HOME} %{x}');
  });
});

describe('spec size', () => {
  test('a spec over 100 KiB fails validation with the construct path and what to do', () => {
    const { stack } = makeStack();
    new Script(stack, 'big', { name: 'big', code: 'x'.repeat(101 * 1024) });
    expect(validationErrors(stack)).toEqual([
      "[shop/big] script 'big': its spec is 102 KiB, more than the 100 KiB that fit in a provisioner's environment; " +
        'move large content out of it — ship big files as script attachments (uploaded from disk) instead of inline code or codeFile, keep configuration attributes small',
    ]);
  });

  test('a spec just under the limit is fine', () => {
    const { stack } = makeStack();
    new Script(stack, 'big', { name: 'big', code: 'x'.repeat(99 * 1024) });
    expect(validationErrors(stack)).toEqual([]);
  });
});
