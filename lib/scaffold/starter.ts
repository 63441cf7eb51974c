// The starter estate `imco-bridge init` writes: a main.ts with one VPC and one firewall profile (its
// lookups name objects every IMCO platform seeded like the emulator has), and the app's README with
// the two commands that deploy it.
import type { AppContent } from './app';

/** The stack id and IMCO name prefix of an app named `name`: lower case letters, digits and dashes. */
export function estateName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'estate';
}

/** main.ts of the starter estate. */
export function starterMainTs(name: string): string {
  const estate = estateName(name);
  return `// The ${estate} estate on IMCO: one VPC and one firewall profile. Add objects here (see the
// constructs of imco-cdktf), then: npx cdktf deploy
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { CloudAccount, FirewallProfile, ImcoSettings, Realm, Vpc } from 'imco-cdktf';

class Estate extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Endpoint and credentials are discovered like the cio CLI (CONCERTO_* variables or ~/.concerto).
    new ImcoSettings(this, 'imco');

    // Lookups: names as the IMCO console shows them, resolved once into imco.context.json (commit it).
    const account = CloudAccount.fromName(this, 'AWS-cloud_account-production');
    const region = Realm.lookup(this, { cloudProvider: 'AWS', name: 'US East (N. Virginia)' });

    new Vpc(this, 'vpc', { name: '${estate}', cidr: '10.20.0.0/16', cloudAccount: account, realmProviderName: region.providerName });
    new FirewallProfile(this, 'web-fw', {
      name: '${estate}-web',
      description: 'HTTPS from anywhere',
      rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }],
    });
  }
}

const app = new App();
new Estate(app, '${estate}');
app.synth();
`;
}

/** README.md of the starter estate. */
export function starterReadme(name: string): string {
  const estate = estateName(name);
  return `# ${estate}

An IMCO estate defined with [imco-cdktf](https://www.npmjs.com/package/imco-cdktf) and CDKTF: \`main.ts\`
declares one VPC and one firewall profile.

\`\`\`sh
npm install
npx cdktf deploy    # also: synth, diff, destroy
\`\`\`

The IMCO endpoint and credentials are found like the \`cio\` CLI finds them (\`CONCERTO_ENDPOINT\`,
\`CONCERTO_CA_CERT\`, \`CONCERTO_CLIENT_CERT\`, \`CONCERTO_CLIENT_KEY\`, or \`~/.concerto/client.xml\`).
Terraform 1.11 or later must be on PATH. The first synth resolves the lookups into
\`imco.context.json\` and creates \`imco.identity.json\` (the stack's ownership id): commit both.
`;
}

/** The content `writeApp` takes for the starter estate. */
export function starterApp(name: string, imcoCdktfSpec?: string): AppContent {
  return { name, mainTs: starterMainTs(name), readme: starterReadme(name), ...(imcoCdktfSpec ? { imcoCdktfSpec } : {}) };
}
