// The benchmark's stacks. `mixed`: N IMCO objects of every kind with a construct, built unit by unit
// (VPC, two subnets, VPN, firewall and SSH profiles, two scripts, cookbook, template, server with
// volume and floating IP, server array; three SaaS accounts) and cut off at exactly N objects;
// read-only references are seeded ids, never lookups. `firewall`: N firewall profiles.
import { join } from 'node:path';
import { App, LocalBackend, PgBackend, TerraformStack } from 'cdktf';
import {
  CookbookVersion, FirewallProfile, FloatingIp, ImcoSettings, SaasAccount, Script, Secret, Server, ServerArray, SshProfile, Subnet,
  Template, Volume, Vpc, Vpn,
} from '../lib/constructs';
import type { BenchSeeds, BenchTarget } from './emulators';
import { cookbookDir, MAX_UNITS, stackDirOf } from './fixtures';

export { stackDirOf } from './fixtures';

export interface StackJob {
  readonly shape: 'mixed' | 'firewall';
  readonly count: number;
  readonly outdir: string;
  readonly stackName: string;
  readonly target: BenchTarget;
  /** Required for `mixed`. */
  readonly seeds?: BenchSeeds;
  /** Fixture directory (see fixtures.ts). */
  readonly work: string;
  /** Replaces the imco-bridge command (floors: `true`, `node -e 0`). @default imco-bridge */
  readonly bridgeCommand?: string;
  /** State in PostgreSQL (Terraform's `pg` backend) at this connection string. @default local state in the stack directory */
  readonly pgConnStr?: string;
  /** `provider`: one `imco_<kind>` resource per object, served by terraform-provider-imco (installed at synth). @default terraform_data */
  readonly flavour?: 'terraform_data' | 'provider';
}

export interface StackBuild {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly objects: number;
  readonly byKind: Record<string, number>;
}

export function buildStack(job: StackJob): StackBuild {
  const app = new App({ outdir: job.outdir, skipValidation: false });
  const stack = new TerraformStack(app, job.stackName);
  if (job.pgConnStr) new PgBackend(stack, { connStr: job.pgConnStr, schemaName: `bench_${job.stackName}` });
  else new LocalBackend(stack, { path: join(stackDirOf(job), 'terraform.tfstate') });
  new ImcoSettings(stack, 'imco', {
    flavour: job.flavour ?? 'terraform_data',
    ...(job.bridgeCommand ? { bridgeCommand: job.bridgeCommand } : {}),
    endpoint: job.target.endpoint,
    credentials: { caCertPath: job.target.caCert, clientCertPath: job.target.clientCert, clientKeyPath: job.target.clientKey },
  });
  const byKind: Record<string, number> = {};
  let objects = 0;
  /** Adds an object unless the stack is full; returns it (or undefined when full). */
  const add = <T>(kind: string, make: () => T): T | undefined => {
    if (objects >= job.count) return undefined;
    objects++;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    return make();
  };
  if (job.shape === 'firewall') {
    for (let i = 0; i < job.count; i++) {
      add('firewall_profile', () => new FirewallProfile(stack, `fw-${i}`, { name: `bench-fw-${i}`, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] }));
    }
    return { app, stack, objects, byKind };
  }
  const seeds = job.seeds;
  if (!seeds) throw new Error('a mixed stack needs the emulator seeds');
  for (let u = 0; objects < job.count; u++) {
    if (u >= MAX_UNITS) throw new Error(`${job.count} objects need more than ${MAX_UNITS} units`);
    addUnit(stack, u, seeds, job.work, add);
  }
  return { app, stack, objects, byKind };
}

type Add = <T>(kind: string, make: () => T) => T | undefined;

/** One unit of the mixed stack (14 objects; the first three units also have a SaaS account). */
function addUnit(stack: TerraformStack, u: number, seeds: BenchSeeds, work: string, add: Add): void {
  const vpc = add('vpc', () => new Vpc(stack, `u${u}-vpc`, { name: `u${u}-vpc`, cidr: `10.${u}.0.0/16`, cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName }));
  if (!vpc) return;
  const web = add('subnet', () => new Subnet(stack, `u${u}-web`, { vpc, name: `u${u}-web`, cidr: `10.${u}.1.0/24`, type: 'public_and_private' }));
  add('subnet', () => new Subnet(stack, `u${u}-db`, { vpc, name: `u${u}-db`, cidr: `10.${u}.2.0/24`, type: 'only_private' }));
  add('vpn', () => new Vpn(stack, `u${u}-vpn`, { vpc, publicIp: `203.0.113.${(u % 250) + 1}`, psk: Secret.fromEnv('BENCH_VPN_PSK'), exposedCidrs: [`10.${u}.0.0/16`], vpnPlan: seeds.vpnPlanId }));
  const fw = add('firewall_profile', () => new FirewallProfile(stack, `u${u}-fw`, {
    name: `u${u}-fw`,
    rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }, { protocol: 'tcp', fromPort: 8000, toPort: 8100, source: `10.${u}.0.0/16` }],
  }));
  const ssh = add('ssh_profile', () => new SshProfile(stack, `u${u}-ssh`, { name: `u${u}-ssh`, publicKey: `ssh-ed25519 AAAAC3Nza bench${u}@example`, privateKey: Secret.fromFile(join(work, 'id_bench')) }));
  const boot = add('script', () => new Script(stack, `u${u}-boot`, {
    name: `u${u}-boot`,
    code: `apt-get install -y nginx # unit ${u} \${HOME}`,
    parameters: ['PORT'],
    attachments: u % 5 === 0 ? [join(work, 'motd.txt')] : [],
  }));
  const ops = add('script', () => new Script(stack, `u${u}-ops`, { name: `u${u}-ops`, code: 'systemctl restart nginx' }));
  const cookbook = add('cookbook_version', () => new CookbookVersion(stack, `u${u}-cookbook`, { source: cookbookDir(work, u) }));
  const template = add('template', () => new Template(stack, `u${u}-template`, {
    name: `u${u}-template`,
    genericImage: seeds.genericImageId,
    runList: cookbook ? [`recipe[cb${u}]`] : [],
    cookbookVersions: cookbook ? { [`cb${u}`]: cookbook, nginx: '~> 12.0' } : { nginx: '~> 12.0' },
    configurationAttributes: { app: { port: 8080, unit: u } },
    bootScripts: boot ? [{ script: boot, parameterValues: { PORT: '8080' } }] : [],
    operationalScripts: ops ? [{ script: ops }] : [],
  }));
  if (!template || !fw || !ssh || !web) return;
  const server = add('server', () => new Server(stack, `u${u}-db-server`, {
    name: `u${u}-db`, template, serverPlan: seeds.serverPlanId, cloudAccount: seeds.cloudAccountId, sshProfile: ssh, firewallProfile: fw, subnet: web,
  }));
  if (!server) return;
  add('volume', () => new Volume(stack, `u${u}-data`, { name: `u${u}-data`, size: 20, cloudAccount: seeds.cloudAccountId, storagePlan: seeds.storagePlan, server }));
  add('floating_ip', () => new FloatingIp(stack, `u${u}-ip`, { name: `u${u}-ip`, cloudAccount: seeds.cloudAccountId, realm: seeds.realmId, server }));
  add('server_array', () => new ServerArray(stack, `u${u}-web-array`, {
    name: `u${u}-web`, template, cloudAccount: seeds.cloudAccountId, serverPlan: seeds.serverPlanId, size: 1, firewallProfile: fw, sshProfile: ssh, subnet: web,
  }));
  if (u < 3 && u < seeds.saasProviderIds.length) {
    add('saas_account', () => new SaasAccount(stack, `u${u}-saas`, { provider: seeds.saasProviderIds[u], accountData: Secret.fromEnv(`BENCH_SAAS_${u}`, { format: 'json' }) }));
  }
}
