// The provider process's connection to IMCO: the provider block's settings, the handlers' API
// (client loaded on first use: the schema calls never load axios), and the shared read lists.
import type { BridgeApi } from '../../handlers/api';
import { ListCache } from './read-cache';

/** Provider block settings: paths only, never key material. */
export interface ProviderSettings {
  readonly endpoint?: string;
  readonly caCertPath?: string;
  readonly clientCertPath?: string;
  readonly clientKeyPath?: string;
  readonly configPath?: string;
  /** The stack the resources' ownership labels belong to (`stack` of the provider block). */
  readonly stack?: string;
  /** The stack instance id of those labels (`stack_instance`; imco.identity.json of a CDKTF app). */
  readonly stackInstance?: string;
}

/** Labels of hand-written configurations that name no stack: one stack, `terraform`, per account. */
export const DEFAULT_STACK_IDENTITY = { stack: 'terraform', instance: 'hand-written' } as const;

/** Makes the API; `deadline` (ms since the epoch), when given, is a time no request may outlive. */
export type ApiFactory = (settings: ProviderSettings, deadline?: number) => Promise<BridgeApi>;

/** The handlers' API on the project's client, credentials discovered like `cio` (loaded lazily). */
export const clientApiFactory: ApiFactory = async (settings, deadline) => {
  const [{ ImcoClient }, { apiOf }] = await Promise.all([import('../../client/client'), import('../../handlers/client-api')]);
  return apiOf(ImcoClient.fromEnvironment({ ...settings, deadline }));
};

export class Session {
  private settings: ProviderSettings = {};
  private current?: Promise<BridgeApi>;
  readonly lists = new ListCache();

  constructor(private readonly factory: ApiFactory = clientApiFactory) {}

  configure(settings: ProviderSettings): void {
    this.settings = settings;
    this.current = undefined;
  }

  /** The stack instance whose ownership labels this provider's resources carry. */
  identity(): { readonly stack: string; readonly instance: string } {
    return {
      stack: this.settings.stack ?? DEFAULT_STACK_IDENTITY.stack,
      instance: this.settings.stackInstance ?? DEFAULT_STACK_IDENTITY.instance,
    };
  }

  /**
   * An API of its own for one apply operation, whose requests (retries included) end by `deadline`
   * — the operation's timeout, as the provisioner's handlers bound theirs — so a stalled answer
   * cannot outlive it. The caller closes it.
   */
  apiUntil(deadline: number): Promise<BridgeApi> {
    return this.factory(this.settings, deadline);
  }

  /** The API, made on first use (a failure is retried on the next call). */
  api(): Promise<BridgeApi> {
    if (!this.current) {
      const made = this.factory(this.settings);
      this.current = made;
      made.catch(() => {
        if (this.current === made) this.current = undefined;
      });
    }
    return this.current;
  }
}
