// The facades an ImcoClient carries, one per catalog kind (`client.firewallProfiles`, `client.vpcs`,
// …, named by `accessorName`) and per endpoint group of no kind (`client.wizard`), built from the
// catalog when the client is built; `client.kind('firewall_profile')` reaches any kind by its
// catalog name, kinds registered later included. The host they call is attached once the client is built.
import { ENDPOINTS, KINDS, kindSpec } from '../catalog';
import { ImcoError } from './errors';
import type { FacadeHost } from './facade';
import { accessorName, buildFacade, type AccessorName, type KindFacade } from './kind-facade';
import type { WireGroups, WireKinds, WireOf } from './wire-kinds';

/** A FacadeHost whose client is attached after construction (the facades exist before the client's transport). */
export class LateFacadeHost implements FacadeHost {
  #host: FacadeHost | undefined;
  attach(host: FacadeHost): void {
    this.#host = host;
  }
  get #client(): FacadeHost {
    if (!this.#host) throw new Error('the IMCO client is not built yet');
    return this.#host;
  }
  get endpoint(): string {
    return this.#client.endpoint;
  }
  call<R>(...args: Parameters<FacadeHost['call']>): Promise<R> {
    return this.#client.call<R>(...args);
  }
  removeVia(...args: Parameters<FacadeHost['removeVia']>): Promise<boolean> {
    return this.#client.removeVia(...args);
  }
}

/** The typed facade properties: one per kind of the wire type map, and the wizard. */
export type KindFacades = { readonly [K in keyof WireKinds & string as AccessorName<K>]: KindFacade<WireKinds[K]> } & {
  readonly [G in keyof WireGroups]: KindFacade<WireGroups[G]>;
};

// Declaration merging: the properties are installed by the constructor, from the catalog.
export interface ClientFacades extends KindFacades {}

export class ClientFacades {
  readonly #host: FacadeHost;

  constructor(host: FacadeHost) {
    this.#host = host;
    const kinds = new Set(KINDS.map((k) => k.kind));
    for (const group of new Set(ENDPOINTS.map((x) => x.kind))) {
      const name = accessorName(group, kinds.has(group));
      // A group whose name is a member of the client already (`ping`) is reached through that member.
      if (name in this) continue;
      Object.defineProperty(this, name, { value: buildFacade(host, group), enumerable: false });
    }
  }

  /** The facade of a kind by its catalog name, e.g. `client.kind('firewall_profile').list()`. */
  kind<K extends string>(kind: K): KindFacade<WireOf<K>> {
    try {
      kindSpec(kind);
    } catch (err) {
      throw new ImcoError((err as Error).message, { code: 'config' });
    }
    return buildFacade(this.#host, kind) as KindFacade<WireOf<K>>;
  }
}
