// Example stack: network only. A VPC in AWS EU (Ireland) with a public and a private subnet, a
// site-to-site VPN (pre-shared key by reference) and two firewall profiles. Cloud account and realm
// come from lookups (imco.context.json). Synthesize with `node dist/examples/network-only.js`
// after `npm run build`, with IMCO credentials configured and IMCO_NETWORK_VPN_PSK exported.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  CloudAccount, FirewallProfile, ImcoSettings, Realm, Secret, Subnet, Vpc, Vpn, VpnPlan, type ImcoSettingsProps,
} from '../lib';

export interface NetworkOnlyProps {
  /** Settings of the stack (endpoint, credential paths, flavour). @default discovered like `cio` */
  readonly settings?: ImcoSettingsProps;
  /** Environment variable holding the VPN pre-shared key. @default 'IMCO_NETWORK_VPN_PSK' */
  readonly pskVariable?: string;
}

/** A VPC with two subnets, its VPN, and web and database firewall profiles. */
export class NetworkOnlyStack extends TerraformStack {
  readonly vpc: Vpc;
  readonly publicSubnet: Subnet;
  readonly privateSubnet: Subnet;
  readonly vpn: Vpn;
  readonly webFirewall: FirewallProfile;
  readonly dbFirewall: FirewallProfile;

  constructor(scope: Construct, id: string, props: NetworkOnlyProps = {}) {
    super(scope, id);
    new ImcoSettings(this, 'imco', props.settings ?? {});

    const account = CloudAccount.fromName(this, 'AWS-cloud_account-production');
    const ireland = Realm.lookup(this, { cloudProvider: 'AWS', name: 'EU (Ireland)' });

    this.vpc = new Vpc(this, 'vpc', { name: 'edge', cidr: '10.60.0.0/16', cloudAccount: account, realmProviderName: ireland.providerName });
    this.publicSubnet = new Subnet(this, 'public', { vpc: this.vpc, name: 'edge-public', cidr: '10.60.1.0/24', type: 'only_public' });
    this.privateSubnet = new Subnet(this, 'private', { vpc: this.vpc, name: 'edge-private', cidr: '10.60.2.0/24', type: 'only_private' });
    this.vpn = new Vpn(this, 'vpn', {
      vpc: this.vpc,
      publicIp: '203.0.113.40',
      psk: Secret.fromEnv(props.pskVariable ?? 'IMCO_NETWORK_VPN_PSK'),
      exposedCidrs: ['10.60.2.0/24'],
      vpnPlan: VpnPlan.named('Site-to-Site VPN'),
    });

    this.webFirewall = new FirewallProfile(this, 'web-fw', {
      name: 'edge-web',
      description: 'HTTP(S) from anywhere, SSH from the office',
      rules: [
        { protocol: 'tcp', port: 80, source: '0.0.0.0/0' },
        { protocol: 'tcp', port: 443, source: '0.0.0.0/0' },
        { protocol: 'tcp', port: 22, source: '198.51.100.0/24' },
      ],
    });
    this.dbFirewall = new FirewallProfile(this, 'db-fw', {
      name: 'edge-db',
      description: 'PostgreSQL from the public subnet; ephemeral UDP range for the VPN peer',
      rules: [
        { protocol: 'tcp', port: 5432, source: '10.60.1.0/24' },
        { protocol: 'udp', fromPort: 49152, toPort: 65535, source: '203.0.113.40' },
      ],
    });

    new TerraformOutput(this, 'realm', { value: ireland.providerName, description: 'provider name of the VPC realm' });
    new TerraformOutput(this, 'vpc_label', { value: this.vpc.ownerLabel, description: 'ownership label of the VPC in IMCO' });
  }
}

if (require.main === module) {
  const app = new App();
  new NetworkOnlyStack(app, process.env.IMCO_STACK ?? 'imco-network');
  app.synth();
}
