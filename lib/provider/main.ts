// The entry of terraform-provider-imco (bundled by scripts/build.js into
// dist/provider/terraform-provider-imco.js): serves the IMCO resources as a Terraform plugin.
// The host is lib/provider/serve.ts (importable with any ProviderDefinition, as tests do).
/* eslint-disable @typescript-eslint/no-require-imports */
import type { ProviderDefinition } from './resource-type';
import { serve } from './serve';

// Loaded at the first RPC, after the handshake line (see serve).
const definition = (): ProviderDefinition => (require('./definition') as { providerDefinition(): ProviderDefinition }).providerDefinition();
serve(definition).catch((err: unknown) => {
  process.stderr.write(`terraform-provider-imco: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
