// Synth-time validation (issue 5 §2): each invalid configuration fails with the construct path,
// the problem and the fix — asserted exactly. Secrets never appear in an error.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  CookbookVersion,
  FirewallProfile,
  FloatingIp,
  ImcoSettings,
  SaasAccount,
  Script,
  Secret,
  Server,
  ServerArray,
  SshProfile,
  Subnet,
  Template,
  Volume,
  Vpc,
  Vpn,
  type FirewallRule,
} from '../../lib/constructs';
import { fakeOpensshPrivateKey, fakePkcs8PrivateKey } from '../support/fake-keys';
import { FIXTURES, makeStack, validationErrors, withEnv } from './helpers';

const CWD = process.cwd();
const scratch = (): string => mkdtempSync(join(tmpdir(), 'imco-validation-'));

function errorsOf(build: (stack: TerraformStack) => void): string[] {
  const { stack } = makeStack();
  build(stack);
  return validationErrors(stack);
}

const vpcProps = { name: 'main', cidr: '10.0.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'eu-west-1' };
const fwRules = (...rules: unknown[]) => (stack: TerraformStack) => new FirewallProfile(stack, 'fw', { name: 'fw', rules: rules as FirewallRule[] });
const serverProps = (template: Template) => ({ name: 'web', template, serverPlan: 'plan', cloudAccount: 'ca-1', sshProfile: 'ssh', firewallProfile: 'fw' });

describe('CIDRs and subnets', () => {
  test.each([
    ['VPC CIDR syntax', '10.0.0/16', "[shop/net] VPC 'net': cidr '10.0.0/16' is not an IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16"],
    ['VPC CIDR prefix', '10.0.0.0/33', "[shop/net] VPC 'net': cidr '10.0.0.0/33' is not an IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16"],
    ['VPC CIDR host bits', '10.0.0.1/16', "[shop/net] VPC 'net': cidr '10.0.0.1/16' has host bits set; the network is 10.0.0.0/16"],
  ])('%s', (_title, cidr, expected) => {
    expect(errorsOf((s) => new Vpc(s, 'net', { ...vpcProps, cidr }))).toEqual([expected]);
  });

  test('subnet outside its VPC', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', vpcProps);
        new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.1.0.0/24', type: 'only_public' });
      }),
    ).toEqual(["[shop/net/web] subnet 'net/web': cidr 10.1.0.0/24 is not inside its VPC 'net' (10.0.0.0/16); choose a block inside 10.0.0.0/16"]);
  });

  test('overlapping subnets of one VPC (reported on the later one)', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', vpcProps);
        new Subnet(vpc, 'a', { vpc, name: 'a', cidr: '10.0.0.0/23', type: 'only_public' });
        new Subnet(vpc, 'b', { vpc, name: 'b', cidr: '10.0.1.0/24', type: 'only_private' });
      }),
    ).toEqual(["[shop/net/b] subnet 'net/b': cidr 10.0.1.0/24 overlaps subnet 'net/a' (10.0.0.0/23) of the same VPC; subnets of a VPC must not overlap"]);
  });

  test('subnets of different VPCs may overlap', () => {
    expect(
      errorsOf((s) => {
        const one = new Vpc(s, 'one', { ...vpcProps, name: 'one' });
        const two = new Vpc(s, 'two', { ...vpcProps, name: 'two' });
        new Subnet(one, 'a', { vpc: one, name: 'a', cidr: '10.0.1.0/24', type: 'only_public' });
        new Subnet(two, 'a', { vpc: two, name: 'a', cidr: '10.0.1.0/24', type: 'only_public' });
      }),
    ).toEqual([]);
  });

  test('two subnets with the same CIDR in one VPC are one IMCO object', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', vpcProps);
        new Subnet(vpc, 'a', { vpc, name: 'a', cidr: '10.0.1.0/24', type: 'only_public' });
        new Subnet(vpc, 'b', { vpc, name: 'b', cidr: '10.0.1.0/24', type: 'only_public' });
      }),
    ).toEqual(["[shop/net/b] subnet 'net/b': it has the same identity as 'net/a' (in 'net', cidr 10.0.1.0/24); IMCO would see one object — remove or change one of them"]);
  });

  test('subnet type not allowed', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', vpcProps);
        new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'public' as never });
      }),
    ).toEqual(['[shop/net/web] subnet \'net/web\': type "public" is not a subnet type; use one of only_public, only_private, public_and_private']);
  });

  test('subnet without a Vpc construct', () => {
    expect(errorsOf((s) => new Subnet(s, 'web', { vpc: 'vpc-123' as never, name: 'web', cidr: '10.0.1.0/24', type: 'only_public' }))).toEqual([
      "[shop/web] subnet 'web': vpc must be a Vpc construct of this program (got the string 'vpc-123')",
    ]);
  });
});

describe('firewall rules', () => {
  test.each([
    ['protocol', { protocol: 'icmp', port: 1, source: 'any' }, 'rules[0].protocol must be \'tcp\' or \'udp\', got "icmp"'],
    ['port range', { protocol: 'tcp', port: 70000, source: 'any' }, 'rules[0].port must be a whole number between 0 and 65535, got 70000'],
    ['negative port', { protocol: 'udp', fromPort: -1, toPort: 10, source: 'any' }, 'rules[0].fromPort must be a whole number between 0 and 65535, got -1'],
    ['min > max', { protocol: 'tcp', fromPort: 90, toPort: 80, source: 'any' }, 'rules[0]: fromPort 90 is greater than toPort 80; swap them'],
    ['half a range', { protocol: 'tcp', fromPort: 80, source: 'any' }, 'rules[0]: a port range needs both fromPort and toPort (for one port, give port)'],
    ['port and range', { protocol: 'tcp', port: 80, fromPort: 80, toPort: 81, source: 'any' }, 'rules[0]: give either port or fromPort/toPort, not both'],
    ['no port', { protocol: 'tcp', source: 'any' }, 'rules[0]: give port, or fromPort and toPort (use fromPort: 0, toPort: 65535 for all ports)'],
    ['source', { protocol: 'tcp', port: 22, source: 'office' }, "rules[0].source 'office' is neither a CIDR block, an IP address nor 'any'"],
    ['source host bits', { protocol: 'tcp', port: 22, source: '192.168.1.10/24' }, "rules[0].source '192.168.1.10/24' has host bits set; the network is 192.168.1.0/24"],
  ])('%s', (_title, rule, expected) => {
    expect(errorsOf(fwRules(rule))).toEqual([`[shop/fw] firewall profile 'fw': ${expected}`]);
  });

  test('duplicate rules', () => {
    expect(
      errorsOf(fwRules({ protocol: 'tcp', port: 22, source: '10.0.0.0/8' }, { protocol: 'udp', port: 22, source: '10.0.0.0/8' }, { protocol: 'TCP', fromPort: 22, toPort: 22, source: '10.0.0.0/8' })),
    ).toEqual(["[shop/fw] firewall profile 'fw': rules[2] duplicates rules[0] (tcp 22 from 10.0.0.0/8); remove one of them"]);
  });

  test('valid sources: any, an address, an IPv6 network', () => {
    expect(errorsOf(fwRules({ protocol: 'tcp', port: 1, source: 'any' }, { protocol: 'tcp', port: 2, source: '1.2.3.4' }, { protocol: 'tcp', port: 3, source: '2001:db8::/32' }))).toEqual([]);
  });
});

describe('sizes', () => {
  test.each([
    ['below the plan minimum', 5, "size 5 GB is below the minimum of storage plan sp-1 (10 GB); use at least 10"],
    ['above the plan maximum', 2000, 'size 2000 GB is above the maximum of storage plan sp-1 (1024 GB); use at most 1024, or another plan'],
    ['not an integer', 10.5, 'size must be an integer, got 10.5'],
    ['zero', 0, 'size must be at least 1, got 0'],
  ])('volume size %s', (_title, size, expected) => {
    expect(errorsOf((s) => new Volume(s, 'vol', { name: 'vol', size, cloudAccount: 'ca', storagePlan: { id: 'sp-1', minSize: 10, maxSize: 1024 } }))).toEqual([
      `[shop/vol] volume 'vol': ${expected}`,
    ]);
  });

  test('volume bounds from a storage plan lookup value (min_size/max_size)', () => {
    expect(errorsOf((s) => new Volume(s, 'vol', { name: 'vol', size: 4, cloudAccount: 'ca', storagePlan: { id: 'sp-2', min_size: 8, max_size: 16 } }))).toEqual([
      "[shop/vol] volume 'vol': size 4 GB is below the minimum of storage plan sp-2 (8 GB); use at least 8",
    ]);
  });

  test.each([
    [-1, 'size must be at least 0, got -1'],
    [1.5, 'size must be an integer, got 1.5'],
  ])('server array size %p', (size, expected) => {
    expect(errorsOf((s) => new ServerArray(s, 'arr', { name: 'arr', template: 'tpl', cloudAccount: 'ca', serverPlan: 'plan', size }))).toEqual([
      `[shop/arr] server array 'arr': ${expected}`,
    ]);
  });
});

describe('names and identities', () => {
  test.each([
    ['empty', '', 'name must not be empty'],
    ['control characters', 'web\n1', 'name contains control characters (newline, tab, …); use printable characters only'],
    ['too long', 'x'.repeat(256), 'name is 256 characters long; IMCO names are at most 255'],
    ['padded', ' web ', "name ' web ' has leading or trailing spaces; remove them (IMCO compares names exactly)"],
    ['not a string', 42, 'name must be a string'],
  ])('name %s', (_title, name, expected) => {
    expect(errorsOf((s) => new FirewallProfile(s, 'fw', { name: name as string }))).toEqual([`[shop/fw] firewall profile 'fw': ${expected}`]);
  });

  test('two constructs with the same ownership label (a/b and a.b)', () => {
    expect(
      errorsOf((s) => {
        new Script(new Construct(s, 'a'), 'b', { name: 'one' });
        new Script(s, 'a.b', { name: 'two' });
      }),
    ).toEqual([
      "[shop/a.b] script 'a.b': its Terraform resource name 'a_b' is already used by 'shop/a/b' (construct paths that differ only in characters outside [A-Za-z0-9_-] collide); rename one of the constructs",
      "[shop/a.b] script 'a.b': its ownership label 'shop.a.b' is also the label of 'a/b'; the two would be the same IMCO object — rename one of the constructs",
    ]);
  });

  test('two constructs whose Terraform resource names collide', () => {
    expect(
      errorsOf((s) => {
        new Script(s, 'web_1', { name: 'one' });
        new Script(s, 'web 1', { name: 'two' });
      }),
    ).toEqual([
      "[shop/web 1] script 'web 1': its Terraform resource name 'web_1' is already used by 'shop/web_1' (construct paths that differ only in characters outside [A-Za-z0-9_-] collide); rename one of the constructs",
    ]);
  });

  test('two objects of one kind with the same name', () => {
    expect(
      errorsOf((s) => {
        new FirewallProfile(s, 'a', { name: 'web' });
        new FirewallProfile(s, 'b', { name: 'web' });
        new Script(s, 'c', { name: 'web' });
      }),
    ).toEqual([
      "[shop/b] firewall profile 'b': its name 'web' is also the name of firewall profile 'a'; imco-bridge refuses to create a firewall profile whose name another one already has — give each a unique name",
    ]);
  });

  test('two VPNs on one VPC', () => {
    withEnv({ V_PSK: 'x' }, () => {
      expect(
        errorsOf((s) => {
          const vpc = new Vpc(s, 'net', vpcProps);
          const props = { vpc, publicIp: '198.51.100.1', psk: Secret.fromEnv('V_PSK'), exposedCidrs: ['10.0.0.0/16'], vpnPlan: 'vp' };
          new Vpn(vpc, 'vpn', props);
          new Vpn(vpc, 'vpn2', props);
        }),
      ).toEqual(["[shop/net/vpn2] VPN 'net/vpn2': it has the same identity as 'net/vpn' (in 'net', the one VPN of its parent); IMCO would see one object — remove or change one of them"]);
    });
  });

  test('two SaaS accounts for one provider', () => {
    withEnv({ S_DATA: '{"k":"v"}' }, () => {
      expect(
        errorsOf((s) => {
          new SaasAccount(s, 'a', { provider: 'nr', accountData: Secret.fromEnv('S_DATA', { format: 'json' }) });
          new SaasAccount(s, 'b', { provider: { id: 'nr' }, accountData: Secret.fromEnv('S_DATA', { format: 'json' }) });
        }),
      ).toEqual(["[shop/b] SaaS account 'b': it has the same identity as 'a' (saas_provider_id nr); IMCO would see one object — remove or change one of them"]);
    });
  });

  test('a reference to an object of another stack', () => {
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    new ImcoSettings(one, 'imco', { endpoint: 'https://imco.test' });
    new ImcoSettings(two, 'imco', { endpoint: 'https://imco.test' });
    const vpc = new Vpc(one, 'net', vpcProps);
    new Subnet(two, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'only_public' });
    expect(validationErrors(two)).toEqual([
      "[two/web] subnet 'web': vpc references VPC 'net' of stack 'one'; IMCO objects can only reference objects of their own stack — declare it in this stack, or pass the id of the existing object",
    ]);
  });

  test('a wrong construct where another kind is expected', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', vpcProps);
        new Server(s, 'web', { name: 'web', template: 'tpl', serverPlan: 'p', cloudAccount: 'ca-1', sshProfile: vpc as never, firewallProfile: 'fw' });
      }),
    ).toEqual(["[shop/web] server 'web': sshProfile must be a SshProfile construct of this program (got Vpc 'shop/net')"]);
  });

  test('a missing catalogue id', () => {
    expect(errorsOf((s) => new Vpc(s, 'net', { ...vpcProps, cloudAccount: '' }))).toEqual([
      "[shop/net] VPC 'net': cloudAccount must be the id of a cloud account (a non-empty string or an object with an id)",
    ]);
  });

  test('a Terraform token where the handler needs a literal', () => {
    expect(
      errorsOf((s) => {
        const name = new TerraformVariable(s, 'fw_name', { type: 'string' });
        new FirewallProfile(s, 'fw', { name: name.stringValue });
      }),
    ).toEqual([
      "[shop/fw] firewall profile 'fw': name hold Terraform expressions (tokens); the handler needs literal values at synth — use plain values, or a lookup",
    ]);
  });
});

describe('secrets', () => {
  const vpn = (psk: unknown) => (s: TerraformStack) => {
    const vpc = new Vpc(s, 'net', vpcProps);
    new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.1', psk: psk as Secret, exposedCidrs: ['10.0.0.0/16'], vpnPlan: 'vp' });
  };

  test('a secret passed as a literal string (and the value is not in the error)', () => {
    const errors = errorsOf(vpn('hunter2-psk'));
    expect(errors).toEqual([
      "[shop/net/vpn] VPN 'net/vpn': psk: secret passed as a literal string; it would end up in cdk.tf.json and Terraform state — use Secret.fromEnv('NAME') or Secret.fromFile('path') instead",
    ]);
    expect(errors.join()).not.toContain('hunter2');
  });

  test('an unset environment variable', () => {
    withEnv({ UNSET_PSK: undefined }, () => {
      expect(errorsOf(vpn(Secret.fromEnv('UNSET_PSK')))).toEqual([
        "[shop/net/vpn] VPN 'net/vpn': psk: secret environment variable UNSET_PSK is not set at synth; export it before synthesizing (synth reads it only to fingerprint it, and terraform apply needs it too)",
      ]);
    });
  });

  test('a missing secret file', () => {
    const file = join(scratch(), 'nope.key');
    expect(errorsOf((s) => new SshProfile(s, 'keys', { name: 'keys', privateKey: Secret.fromFile(file) }))).toEqual([
      `[shop/keys] SSH profile 'keys': privateKey: secret file ${file} cannot be read at synth; check the path and its permissions (synth reads it only to fingerprint it)`,
    ]);
  });

  test('a JSON secret that is not a JSON object (the value is not in the error)', () => {
    withEnv({ BAD_DATA: 'licence=s3cr3t-value' }, () => {
      const errors = errorsOf((s) => new SaasAccount(s, 'acct', { provider: 'nr', accountData: Secret.fromEnv('BAD_DATA', { format: 'json' }) }));
      expect(errors).toEqual(["[shop/acct] SaaS account 'acct': accountData: secret environment variable BAD_DATA must hold a JSON object (format 'json')"]);
      expect(errors.join()).not.toContain('s3cr3t');
    });
  });

  test('SaaS account data given as a text secret', () => {
    withEnv({ TEXT_DATA: '{}' }, () => {
      expect(errorsOf((s) => new SaasAccount(s, 'acct', { provider: 'nr', accountData: Secret.fromEnv('TEXT_DATA') }))).toEqual([
        "[shop/acct] SaaS account 'acct': accountData (environment variable TEXT_DATA) must be a JSON secret; pass { format: 'json' } to Secret.fromEnv/fromFile",
      ]);
    });
  });

  test('a private key given as the public key (and the key is not in the error)', () => {
    const key = fakeOpensshPrivateKey();
    const errors = errorsOf((s) => new SshProfile(s, 'keys', { name: 'keys', publicKey: key.pem.trim() }));
    expect(errors).toEqual([
      "[shop/keys] SSH profile 'keys': publicKey holds a PRIVATE key; it would be written into the stack — give the public key here and the private key as privateKey: Secret.fromFile(path)",
    ]);
    expect(errors.join()).not.toContain(key.body);
  });

  test('a public key that is not an OpenSSH public key', () => {
    expect(errorsOf((s) => new SshProfile(s, 'keys', { name: 'keys', publicKey: 'AAAAB3NzaC1yc2E' }))).toEqual([
      "[shop/keys] SSH profile 'keys': publicKey is not an OpenSSH public key (expected e.g. 'ssh-ed25519 AAAA… comment')",
    ]);
  });
});

describe('power states and actions', () => {
  const template = (s: TerraformStack, operational: Script[] = []) =>
    new Template(s, 'tpl', { name: 'tpl', genericImage: 'img', operationalScripts: operational.map((script) => ({ script })) });

  test('a server power state it cannot be driven to', () => {
    expect(errorsOf((s) => new Server(s, 'web', { ...serverProps(template(s)), powerState: 'stalled' as never }))).toEqual([
      "[shop/web] server 'web': powerState \"stalled\" is not a state a server can be driven to; use 'operational' (booted) or 'inactive' (shut down)",
    ]);
  });

  test('a server array power state it cannot be driven to', () => {
    expect(errorsOf((s) => new ServerArray(s, 'arr', { name: 'arr', template: 'tpl', cloudAccount: 'ca', serverPlan: 'p', powerState: 'booting' as never }))).toEqual([
      "[shop/arr] server array 'arr': powerState \"booting\" is not a state a server array can be driven to; use 'operational' (booted) or 'inactive' (shut down)",
    ]);
  });

  test('executing a script that is not an operational script of the template', () => {
    expect(
      errorsOf((s) => {
        const script = new Script(s, 'deploy', { name: 'deploy' });
        new Server(s, 'web', { ...serverProps(template(s)), scriptExecutions: [{ script, trigger: 'v1' }] });
      }),
    ).toEqual([
      "[shop/web] server 'web': scriptExecutions[0]: script 'deploy' is not an operational script of template 'tpl'; add it to the template's operationalScripts",
    ]);
  });

  test('executing one script twice', () => {
    expect(
      errorsOf((s) => {
        const script = new Script(s, 'deploy', { name: 'deploy' });
        new Server(s, 'web', { ...serverProps(template(s, [script])), scriptExecutions: [{ script, trigger: 'v1' }, { script, trigger: 'v2' }] });
      }),
    ).toEqual(["[shop/web] server 'web': scriptExecutions[1] executes script 'deploy' again (see scriptExecutions[0]); keep one execution per script"]);
  });

  test('a server in a subnet of another cloud account', () => {
    expect(
      errorsOf((s) => {
        const vpc = new Vpc(s, 'net', { ...vpcProps, cloudAccount: 'ca-other' });
        const subnet = new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'only_public' });
        new Server(s, 'web', { ...serverProps(template(s)), subnet });
      }),
    ).toEqual([
      "[shop/web] server 'web': subnet 'net/web' belongs to VPC 'net' in cloud account ca-other, but cloudAccount is ca-1; use the VPC's cloud account",
    ]);
  });

  test('a volume attached to a server of another cloud account', () => {
    expect(
      errorsOf((s) => {
        const server = new Server(s, 'web', serverProps(template(s)));
        new Volume(s, 'vol', { name: 'vol', size: 10, cloudAccount: 'ca-2', storagePlan: 'sp', server });
        new FloatingIp(s, 'ip', { name: 'ip', cloudAccount: 'ca-1', realm: 'realm', server });
      }),
    ).toEqual([
      "[shop/vol] volume 'vol': server 'web' is in cloud account ca-1, this volume in ca-2; attach it to a server of the same cloud account",
    ]);
  });
});

describe('files', () => {
  test('a missing codeFile', () => {
    expect(errorsOf((s) => new Script(s, 'deploy', { name: 'deploy', codeFile: 'scripts/missing.sh' }))).toEqual([
      `[shop/deploy] script 'deploy': codeFile ${join(CWD, 'scripts/missing.sh')} does not exist or is not a file; check the path (relative paths are resolved against ${CWD})`,
    ]);
  });

  test('code and codeFile together', () => {
    expect(errorsOf((s) => new Script(s, 'deploy', { name: 'deploy', code: 'x', codeFile: join(FIXTURES, 'deploy.sh') }))).toEqual([
      "[shop/deploy] script 'deploy': give either code or codeFile, not both",
    ]);
  });

  test('a missing attachment', () => {
    const file = join(scratch(), 'gone.tar');
    expect(errorsOf((s) => new Script(s, 'deploy', { name: 'deploy', attachments: [join(FIXTURES, 'nginx.conf'), file] }))).toEqual([
      `[shop/deploy] script 'deploy': attachments[1] ${file} does not exist or is not a file; check the path (relative paths are resolved against ${CWD})`,
    ]);
  });

  test('two attachments with the same file name', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'nginx.conf'), 'other');
    expect(errorsOf((s) => new Script(s, 'deploy', { name: 'deploy', attachments: [join(FIXTURES, 'nginx.conf'), join(dir, 'nginx.conf')] }))).toEqual([
      `[shop/deploy] script 'deploy': attachments[1] ${join(dir, 'nginx.conf')} has the same file name as ${join(FIXTURES, 'nginx.conf')}; attachments are named by file name, so rename one`,
    ]);
  });

  test('a missing cookbook source', () => {
    const dir = join(scratch(), 'cookbooks', 'gone');
    expect(errorsOf((s) => new CookbookVersion(s, 'cb', { source: dir }))).toEqual([
      `[shop/cb] cookbook version 'cb': source ${dir} does not exist; give a cookbook directory or a .tar.gz archive (relative paths are resolved against ${CWD})`,
    ]);
  });

  test('a directory that is not a cookbook', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'recipes'));
    expect(errorsOf((s) => new CookbookVersion(s, 'cb', { source: dir }))).toEqual([
      `[shop/cb] cookbook version 'cb': source ${dir} is not a cookbook: it has neither metadata.rb nor metadata.json`,
    ]);
  });

  test('a cookbook file that is not an archive', () => {
    expect(errorsOf((s) => new CookbookVersion(s, 'cb', { source: join(FIXTURES, 'nginx.conf') }))).toEqual([
      `[shop/cb] cookbook version 'cb': source ${join(FIXTURES, 'nginx.conf')} is a file but not a .tar.gz/.tgz archive; give a cookbook directory or an archive`,
    ]);
  });

  test('a public key file that does not exist', () => {
    expect(errorsOf((s) => new SshProfile(s, 'keys', { name: 'keys', publicKeyFile: '/nonexistent/id.pub' }))).toEqual([
      `[shop/keys] SSH profile 'keys': publicKeyFile /nonexistent/id.pub does not exist or is not a file; check the path (relative paths are resolved against ${CWD})`,
    ]);
  });
});

describe('templates', () => {
  test('a cookbook version constraint that is not one', () => {
    expect(errorsOf((s) => new Template(s, 'tpl', { name: 'tpl', genericImage: 'img', cookbookVersions: { nginx: 'latest' } }))).toEqual([
      "[shop/tpl] template 'tpl': cookbookVersions['nginx']: 'latest' is not a version constraint; write e.g. '~> 1.2', '>= 2.0' or '1.2.3' (operators ~>, =, >=, <=, >, <)",
    ]);
  });

  test('a cookbook version under another name than its metadata', () => {
    expect(
      errorsOf((s) => {
        const cb = new CookbookVersion(s, 'cb', { source: join(FIXTURES, 'cookbooks', 'webapp') });
        new Template(s, 'tpl', { name: 'tpl', genericImage: 'img', cookbookVersions: { nginx: cb } });
      }),
    ).toEqual(["[shop/tpl] template 'tpl': cookbookVersions['nginx'] is cookbook version 'cb', whose metadata names it 'webapp'; use the key 'webapp'"]);
  });

  test('a value for a parameter the script does not have', () => {
    expect(
      errorsOf((s) => {
        const script = new Script(s, 'deploy', { name: 'deploy', parameters: ['VERSION'] });
        new Template(s, 'tpl', { name: 'tpl', genericImage: 'img', bootScripts: [{ script, parameterValues: { VERSOIN: '1' } }] });
      }),
    ).toEqual(["[shop/tpl] template 'tpl': bootScripts[0].parameterValues: script 'deploy' has no parameter 'VERSOIN' (its parameters: VERSION)"]);
  });

  test('a configuration attribute JSON cannot carry', () => {
    expect(errorsOf((s) => new Template(s, 'tpl', { name: 'tpl', genericImage: 'img', configurationAttributes: { nginx: { workers: NaN } } }))).toEqual([
      "[shop/tpl] template 'tpl': configurationAttributes.nginx.workers holds NaN, which JSON cannot carry",
    ]);
  });
});

describe('network details', () => {
  test('a VPN with a bad public IP and no exposed CIDRs', () => {
    withEnv({ N_PSK: 'x' }, () => {
      expect(
        errorsOf((s) => {
          const vpc = new Vpc(s, 'net', vpcProps);
          new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.300', psk: Secret.fromEnv('N_PSK'), exposedCidrs: [], vpnPlan: 'vp' });
        }),
      ).toEqual([
        "[shop/net/vpn] VPN 'net/vpn': publicIp \"198.51.100.300\" is not an IPv4 address",
        "[shop/net/vpn] VPN 'net/vpn': exposedCidrs must list at least one CIDR block",
      ]);
    });
  });
});

describe('settings', () => {
  test('ImcoSettings declared after the first IMCO object', () => {
    const stack = new TerraformStack(Testing.app(), 'shop');
    withEnv({ CONCERTO_ENDPOINT: 'https://imco.test' }, () => {
      new FirewallProfile(stack, 'fw', { name: 'fw' });
      new ImcoSettings(stack, 'imco', { flavour: 'null_resource' });
    });
    expect(validationErrors(stack)).toEqual([
      "[shop/imco] ImcoSettings: ImcoSettings must be declared before the first IMCO object of the stack ('shop/fw' was declared earlier and used the defaults); move it to the top of the stack",
    ]);
  });

  test('two ImcoSettings in one stack', () => {
    const { stack } = makeStack();
    new ImcoSettings(stack, 'again', { endpoint: 'https://imco.test' });
    expect(validationErrors(stack)).toEqual([
      "[shop/again] ImcoSettings: only one ImcoSettings is allowed per stack, and 'shop/imco' was declared first; merge the two",
    ]);
  });

  test('an http:// endpoint', () => {
    const stack = new TerraformStack(Testing.app(), 'shop');
    new ImcoSettings(stack, 'imco', { endpoint: 'http://clients.example.com:886' });
    expect(validationErrors(stack)).toEqual([
      "[shop/imco] ImcoSettings: IMCO endpoint 'http://clients.example.com:886' (from ImcoSettings endpoint) uses plain http://; IMCO is only reachable over https:// with your client certificate — use https://clients.example.com:886",
    ]);
  });

  test('key content instead of a path (and the key is not in the error)', () => {
    const stack = new TerraformStack(Testing.app(), 'shop');
    const key = fakePkcs8PrivateKey();
    new ImcoSettings(stack, 'imco', { endpoint: 'https://imco.test', credentials: { clientKeyPath: key.pem.trim() } });
    const errors = validationErrors(stack);
    expect(errors).toEqual([
      "[shop/imco] ImcoSettings: credentials.clientKeyPath looks like PEM content, not a path; key material must never be written into the stack — pass the file's path",
    ]);
    expect(errors.join()).not.toContain(key.body);
  });

  test('timeouts for an unknown kind, and a construct timeout of 0', () => {
    const { stack } = makeStack({ timeouts: { servers: 60 } });
    new Script(stack, 'deploy', { name: 'deploy', timeoutSeconds: 0 });
    expect(validationErrors(stack)).toEqual([
      '[shop/imco] ImcoSettings: timeouts.servers: unknown kind; use one of template, script, cookbook_version, firewall_profile, vpc, subnet, vpn, floating_ip, volume, ssh_profile, server, server_array, saas_account',
      "[shop/deploy] script 'deploy': timeoutSeconds must be at least 1, got 0",
    ]);
  });
});
