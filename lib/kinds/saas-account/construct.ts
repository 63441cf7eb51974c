// SaasAccount: the credentials of one SaaS provider (API reference §9.2). Not labelable: identified
// by its provider (one account per provider). The account data is a JSON secret, by reference,
// fingerprinted in the sync triggers (IMCO can update it in place).
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { Secret } from '../../constructs/secret';
import { idOf, type IdLike } from '../../constructs/validation';

export interface SaasAccountProps extends ImcoObjectProps {
  /** The SaaS provider (immutable: a change replaces the account). */
  readonly provider: IdLike;
  /** The provider's required account data as a JSON object: `Secret.fromFile(path, { format: 'json' })`. */
  readonly accountData: Secret;
}

/** An IMCO SaaS account. */
export class SaasAccount extends ImcoObject {
  constructor(scope: Construct, id: string, props: SaasAccountProps) {
    super(scope, id, 'saas_account', props);
    const providerId = this.idField(props.provider, 'provider', 'SaaS provider');
    if (props.accountData instanceof Secret && props.accountData.format !== 'json') {
      this.problem(`accountData (${props.accountData.describe()}) must be a JSON secret; pass { format: 'json' } to Secret.fromEnv/fromFile`);
    }
    const accountData = this.secretField('account_data', props.accountData, 'accountData');
    this.encode({
      self: { kind: 'saas_account', natural: { saas_provider_id: idOf(props.provider) ?? '' } },
      fields: { saas_provider_id: providerId, account_data: accountData },
    });
  }
}
