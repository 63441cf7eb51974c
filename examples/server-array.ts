// Example stack: a server array built from a template. The stack uploads a cookbook version from
// examples/assets/cookbooks/api and adds a Supermarket cookbook by version constraint. A boot script
// takes parameters and has an attachment, and an operational script drains a server. A firewall
// profile opens the service port. Synthesize with `node dist/examples/server-array.js` after
// `npm run build`, with IMCO credentials configured.
import { basename, dirname, join } from 'node:path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  CloudAccount, CookbookVersion, FirewallProfile, GenericImage, ImcoSettings, Script, ServerArray, ServerPlan, Template,
  type ImcoSettingsProps, type PowerState,
} from '../lib';

/** examples/assets, from the sources (examples/) and from the build (dist/examples/). */
export const EXAMPLE_ASSETS = basename(dirname(__dirname)) === 'dist' ? join(__dirname, '..', '..', 'examples', 'assets') : join(__dirname, 'assets');

export interface ServerArrayStackProps {
  /** Settings of the stack (endpoint, credential paths, flavour). @default discovered like `cio` */
  readonly settings?: ImcoSettingsProps;
  /** Number of servers in the array (IMCO API v2 can grow an array, not shrink it). @default 3 */
  readonly size?: number;
  /** @default 'operational' */
  readonly powerState?: PowerState;
}

/** A template with scripts and cookbooks, and a server array of identical API servers. */
export class ServerArrayStack extends TerraformStack {
  readonly cookbook: CookbookVersion;
  readonly bootstrap: Script;
  readonly drain: Script;
  readonly template: Template;
  readonly firewall: FirewallProfile;
  readonly array: ServerArray;

  constructor(scope: Construct, id: string, props: ServerArrayStackProps = {}) {
    super(scope, id);
    new ImcoSettings(this, 'imco', props.settings ?? {});

    const account = CloudAccount.fromName(this, 'AWS-cloud_account-production');
    const plan = ServerPlan.lookup(this, { cloudProvider: 'AWS', name: 't3.medium', location: 'Europe' });
    const debian = GenericImage.fromName(this, 'Debian 12 Bookworm x86_64');

    this.cookbook = new CookbookVersion(this, 'api-cookbook', { source: join(EXAMPLE_ASSETS, 'cookbooks', 'api') });
    this.bootstrap = new Script(this, 'bootstrap', {
      name: 'api-bootstrap',
      description: 'Registers the server with the service registry',
      codeFile: join(EXAMPLE_ASSETS, 'scripts', 'bootstrap.sh'),
      parameters: ['REGISTRY_URL', 'ENVIRONMENT'],
      attachments: [join(EXAMPLE_ASSETS, 'scripts', 'registry.json')],
    });
    this.drain = new Script(this, 'drain', {
      name: 'api-drain',
      description: 'Takes the server out of the load balancer',
      codeFile: join(EXAMPLE_ASSETS, 'scripts', 'drain.sh'),
    });
    this.template = new Template(this, 'template', {
      name: 'api',
      genericImage: debian,
      runList: ['recipe[api]', 'recipe[nginx]'],
      cookbookVersions: { api: this.cookbook, nginx: '~> 12.0' },
      configurationAttributes: { api: { port: 8080, workers: 4 } },
      bootScripts: [{ script: this.bootstrap, parameterValues: { REGISTRY_URL: 'https://registry.example.internal', ENVIRONMENT: 'staging' } }],
      operationalScripts: [{ script: this.drain }],
    });
    this.firewall = new FirewallProfile(this, 'api-fw', {
      name: 'api',
      description: 'The API port from the private networks',
      rules: [{ protocol: 'tcp', port: 8080, source: '10.0.0.0/8' }],
    });
    this.array = new ServerArray(this, 'api', {
      name: 'api',
      template: this.template,
      cloudAccount: account,
      serverPlan: plan,
      firewallProfile: this.firewall,
      size: props.size ?? 3,
      powerState: props.powerState ?? 'operational',
    });

    new TerraformOutput(this, 'array_label', { value: this.array.ownerLabel, description: 'ownership label of the server array in IMCO' });
    new TerraformOutput(this, 'cookbook', { value: `${this.cookbook.cookbookName}`, description: 'name of the uploaded cookbook' });
  }
}

if (require.main === module) {
  const app = new App();
  new ServerArrayStack(app, process.env.IMCO_STACK ?? 'imco-server-array');
  app.synth();
}
