// The example estate `npm start` deploys (on the embedded emulator unless --platform is given):
// network (VPC, public and private subnets, VPN), firewall and SSH profiles, scripts, a cookbook
// and a template, a server array of web servers, a database server with a data volume and a
// floating IP, and a SaaS account. Every construct and lookup of imco-cdktf appears here once.
import { join } from 'node:path';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  CloudAccount, CookbookVersion, FirewallProfile, FloatingIp, GenericImage, ImcoSettings, Realm, SaasAccount, SaasProvider, Script,
  Secret, Server, ServerArray, ServerPlan, SshProfile, StoragePlan, Subnet, Template, Volume, Vpc, Vpn, VpnPlan,
  type HandlerFlavour, type ImcoFlavour,
} from './lib/constructs';

const EXAMPLE = join(__dirname.endsWith(join('dist')) ? join(__dirname, '..') : __dirname, 'examples', 'estate');

export interface ExampleEstateProps {
  /** How the IMCO objects are encoded (the reliability suites run the estate in each flavour). */
  readonly flavour?: ImcoFlavour;
}

export class ExampleEstate extends TerraformStack {
  constructor(scope: Construct, id: string, props: ExampleEstateProps = {}) {
    super(scope, id);
    new LocalBackend(this, { path: join(process.env.IMCO_STATE_DIR ?? '.', `terraform.${id}.tfstate`) });
    // The default flavour: one imco_<kind> resource of the native provider per object (installed
    // beside cdk.tf.json at synth, so terraform init needs no network). `props.flavour` (the
    // reliability suites) or IMCO_EXAMPLE_FLAVOUR picks another; npm start sets
    // IMCO_EXAMPLE_MIGRATE_FROM when it moves an estate deployed with a provisioner flavour.
    const flavour = props.flavour ?? ((process.env.IMCO_EXAMPLE_FLAVOUR || undefined) as ImcoFlavour | undefined);
    const migrateFrom = (process.env.IMCO_EXAMPLE_MIGRATE_FROM || undefined) as HandlerFlavour | undefined;
    new ImcoSettings(this, 'imco', { ...(flavour ? { flavour } : {}), ...(migrateFrom ? { migrateFrom } : {}) });

    // Lookups: names as the IMCO console shows them, resolved from imco.context.json.
    const account = CloudAccount.fromName(this, 'AWS-cloud_account-production');
    const region = Realm.lookup(this, { cloudProvider: 'AWS', name: 'US East (N. Virginia)' });
    const small = ServerPlan.lookup(this, { cloudProvider: 'AWS', name: 't3.medium', location: 'North America' });
    const large = ServerPlan.lookup(this, { cloudProvider: 'AWS', name: 'm5.large', location: 'North America' });
    const ubuntu = GenericImage.fromName(this, 'Ubuntu 22.04 Jammy Jellyfish x86_64');
    const gp3 = StoragePlan.lookup(this, { cloudProvider: 'AWS', name: 'gp3', location: 'North America' });
    const newRelic = SaasProvider.fromName(this, 'New Relic');

    // Network
    const vpc = new Vpc(this, 'vpc', { name: 'shop', cidr: '10.50.0.0/16', cloudAccount: account, realmProviderName: region.providerName });
    const publicNet = new Subnet(this, 'public', { vpc, name: 'shop-public', cidr: '10.50.1.0/24', type: 'only_public' });
    const privateNet = new Subnet(this, 'private', { vpc, name: 'shop-private', cidr: '10.50.2.0/24', type: 'only_private' });
    new Vpn(this, 'vpn', {
      vpc,
      publicIp: '203.0.113.20',
      psk: Secret.fromEnv('IMCO_EXAMPLE_VPN_PSK'),
      exposedCidrs: ['10.50.0.0/16'],
      vpnPlan: VpnPlan.named('Site-to-Site VPN'),
    });
    const webFw = new FirewallProfile(this, 'web-fw', {
      name: 'shop-web',
      description: 'HTTPS from anywhere, SSH from the office',
      rules: [
        { protocol: 'tcp', port: 443, source: '0.0.0.0/0' },
        { protocol: 'tcp', port: 22, source: '198.51.100.0/24' },
      ],
    });
    const dbFw = new FirewallProfile(this, 'db-fw', {
      name: 'shop-db',
      description: 'PostgreSQL from the web subnet only',
      rules: [{ protocol: 'tcp', port: 5432, source: '10.50.1.0/24' }],
    });
    const ssh = new SshProfile(this, 'ssh', {
      name: 'shop-ops',
      publicKeyFile: join(EXAMPLE, 'keys', 'ops.pub'),
      privateKey: Secret.fromFile(process.env.IMCO_EXAMPLE_SSH_KEY ?? join(EXAMPLE, 'keys', 'ops')),
    });

    // Blueprint
    const install = new Script(this, 'install-agent', {
      name: 'install-agent',
      description: 'Installs the monitoring agent',
      codeFile: join(EXAMPLE, 'scripts', 'install-agent.sh'),
      parameters: ['LICENSE_KEY'],
      attachments: [join(EXAMPLE, 'scripts', 'motd.txt')],
    });
    const rotate = new Script(this, 'rotate-logs', { name: 'rotate-logs', codeFile: join(EXAMPLE, 'scripts', 'rotate-logs.sh') });
    const cookbook = new CookbookVersion(this, 'webapp-cookbook', { source: join(EXAMPLE, 'cookbooks', 'webapp') });
    const template = new Template(this, 'web-template', {
      name: 'shop-web',
      genericImage: ubuntu,
      runList: ['recipe[webapp]'],
      cookbookVersions: { webapp: cookbook, nginx: '~> 12.0' },
      configurationAttributes: { webapp: { port: 443 } },
      bootScripts: [{ script: install, parameterValues: { LICENSE_KEY: 'example' } }],
      operationalScripts: [{ script: rotate }],
    });

    // Cloud
    const web = new ServerArray(this, 'web', {
      name: 'shop-web', template, cloudAccount: account, serverPlan: small, size: 2,
      firewallProfile: webFw, sshProfile: ssh, subnet: publicNet, powerState: 'operational',
    });
    const db = new Server(this, 'db', {
      name: 'shop-db', template, cloudAccount: account, serverPlan: large, sshProfile: ssh, firewallProfile: dbFw,
      subnet: privateNet, privateness: true, powerState: 'operational',
      scriptExecutions: [{ script: rotate, trigger: 'initial' }],
    });
    new Volume(this, 'db-data', { name: 'shop-db-data', size: 100, cloudAccount: account, storagePlan: gp3, server: db });
    new FloatingIp(this, 'db-ip', { name: 'shop-db-ip', cloudAccount: account, realm: region, server: db });

    // Settings
    new SaasAccount(this, 'newrelic', { provider: newRelic, accountData: Secret.fromEnv('IMCO_EXAMPLE_NEWRELIC', { format: 'json' }) });

    new TerraformOutput(this, 'cloud_account_id', { value: account.id });
    new TerraformOutput(this, 'web_array', { value: web.ownerLabel, description: 'ownership label of the web server array' });
    new TerraformOutput(this, 'db_server', { value: db.ownerLabel, description: 'ownership label of the database server' });
  }
}

if (require.main === module) {
  const app = new App();
  new ExampleEstate(app, process.env.IMCO_STACK ?? 'imco-example');
  app.synth();
}
