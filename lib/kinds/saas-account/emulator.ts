// SaaS accounts: `account_data` (write-only, never returned or quoted) must be a JSON object with
// exactly the SaaS provider's required_account_data keys, each a non-empty string.
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import type { ErrorCollector } from '../../emulator/http-errors';
import { isPlainObject } from '../../emulator/fields';

function checkAccountData(ctx: EmulatorServices, providerId: unknown, data: unknown, errors: ErrorCollector): void {
  const provider = ctx.store.get('saas_provider', String(providerId));
  if (!provider || !isPlainObject(data)) return;
  const required = (provider.required_account_data as string[]) ?? [];
  const missing = required.filter((key) => typeof data[key] !== 'string' || (data[key] as string) === '');
  const unknown = Object.keys(data).filter((key) => !required.includes(key));
  if (missing.length > 0) errors.add('account_data', `needs a non-empty string for ${missing.join(', ')} (required by ${String(provider.name)})`);
  if (unknown.length > 0) errors.add('account_data', `has keys ${String(provider.name)} does not take: ${unknown.join(', ')}; expected ${required.join(', ')}`);
}

export const saasAccounts: KindBehaviour = {
  kind: 'saas_account',
  validateCreate(ctx, { fields }, errors) {
    checkAccountData(ctx, fields.saas_provider_id, fields.account_data, errors);
  },
  validateUpdate(ctx, obj, fields, errors) {
    checkAccountData(ctx, obj.saas_provider_id, fields.account_data, errors);
  },
};
