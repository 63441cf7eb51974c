// The provider hooks table (lib/kinds/provider-hooks.ts) gathers every kind folder's provider.ts:
// a folder with hooks but no row (or a row for no kind) is caught here, not by a missing attribute.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../../lib/catalog';
import { PROVIDER_HOOKS, providerHooksOf } from '../../lib/kinds/provider-hooks';
import { NO_PROVIDER_HOOKS } from '../../lib/provider/resources/kind-hooks';

const KINDS_DIR = join(__dirname, '..', '..', 'lib', 'kinds');

/** Kind names whose folder has a provider.ts. */
function foldersWithProviderHooks(): string[] {
  return readdirSync(KINDS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(KINDS_DIR, e.name, 'provider.ts')))
    .map((e) => e.name.replace(/-/g, '_'));
}

it('has a row for every kind folder with a provider.ts, and rows only for catalog kinds', () => {
  const rows = Object.keys(PROVIDER_HOOKS);
  expect(foldersWithProviderHooks().filter((k) => !rows.includes(k))).toEqual([]);
  const known = new Set(KINDS.map((k) => k.kind));
  expect(rows.filter((k) => !known.has(k))).toEqual([]);
});

it('gives the kinds without a row no hooks', () => {
  expect(providerHooksOf('firewall_profile')).toBe(NO_PROVIDER_HOOKS);
  expect(providerHooksOf('server').attributes.map((a) => a.name)).toEqual(['power_state']);
  expect(providerHooksOf('volume')).toBe(providerHooksOf('floating_ip'));
});
