// The base of the constructs that attach to a managed server (volumes, floating IPs): the
// attachment's reference, checked to be a Server of this program in the object's cloud account.
import type { ObjectRef } from '../../spec/spec';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import type { IdLike } from '../../constructs/validation';
import { Server } from './construct';

/** What every object attachable to a server has. */
export interface ServerAttachedProps extends ImcoObjectProps {
  readonly name: string;
  readonly cloudAccount: IdLike;
  /** Server to attach the object to. @default none (detached) */
  readonly server?: Server;
}

export abstract class ServerAttachedObject extends ImcoObject {
  /**
   * The `attachTo` extra of an object attached to `server` (`null` when detached); a server of
   * another cloud account than `cloudAccountId` is a problem. `title` names the object ("volume").
   */
  protected serverAttachment(server: unknown, cloudAccountId: string | undefined, title: string): { readonly $ref: ObjectRef } | null {
    if (server === undefined) return null;
    const attachTo = this.refTo(server, 'server', Server, 'Server');
    if (server instanceof Server && cloudAccountId && server.cloudAccountId && server.cloudAccountId !== cloudAccountId) {
      this.problem(
        `server '${server.objectPath}' is in cloud account ${server.cloudAccountId}, this ${title} in ${cloudAccountId}; attach it to a server of the same cloud account`,
      );
    }
    return attachTo ?? null;
  }
}
