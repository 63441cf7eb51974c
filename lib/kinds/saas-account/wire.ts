// The IMCO API v2 wire types of saas account objects (snake_case, as IMCO sends and accepts them).

/** SaaS account: `account_data` is write-only and never returned. */
export interface SaasAccount {
  readonly id: string;
  readonly saas_provider_id: string;
  readonly resource_type?: string;
}

export interface SaasAccountCreate {
  readonly saas_provider_id: string;
  /** Credentials keyed by the provider's required account data; never returned, never logged. */
  readonly account_data: Readonly<Record<string, unknown>>;
}

export interface SaasAccountUpdate {
  readonly account_data?: Readonly<Record<string, unknown>>;
}
