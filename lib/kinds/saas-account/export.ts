// Export hook of SaaS accounts: the provider (lookup), the name after it, and the account data as a JSON
// Secret.fromEnv placeholder (IMCO never returns it).
import type { KindExport } from '../../export/kind-export';

export const saasAccountExport: KindExport = {
  kind: 'saas_account',
  className: 'SaasAccount',
  // A SaaS account has no name: it is called after its provider.
  displayName: async (live, nameIn) => `${(await nameIn('saas_provider', live.saas_provider_id)) ?? 'SaaS'} account`,
  render: (o, ctx) => ({
    props: [
      ['provider', ctx.lookup('saas_provider', o.live.saas_provider_id)],
      ['accountData', ctx.secret('account_data', 'the account data (a JSON object)', 'json')],
    ],
    importId: o.id,
  }),
};
