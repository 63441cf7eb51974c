// FloatingIp: a labelable public address (API reference §5.5), optionally attached to a managed
// server. Name and attachment are mutable; cloud account and realm are immutable.
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import type { IdLike } from '../../constructs/validation';
import { Server } from '../server/construct';

export interface FloatingIpProps extends ImcoObjectProps {
  readonly name: string;
  readonly cloudAccount: IdLike;
  /** Realm the address lives in. */
  readonly realm: IdLike;
  /** Server to attach the address to. @default none (detached) */
  readonly server?: Server;
}

/** An IMCO floating IP. */
export class FloatingIp extends ImcoObject {
  constructor(scope: Construct, id: string, props: FloatingIpProps) {
    super(scope, id, 'floating_ip', props);
    this.checkName(props.name);
    const cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    const attachTo = props.server === undefined ? undefined : this.refTo(props.server, 'server', Server, 'Server');
    if (props.server instanceof Server && cloudAccountId && props.server.cloudAccountId && props.server.cloudAccountId !== cloudAccountId) {
      this.problem(
        `server '${props.server.objectPath}' is in cloud account ${props.server.cloudAccountId}, this floating IP in ${cloudAccountId}; attach it to a server of the same cloud account`,
      );
    }
    this.encode({
      fields: {
        name: props.name,
        cloud_account_id: cloudAccountId,
        realm_id: this.idField(props.realm, 'realm', 'realm'),
      },
      extras: { attachTo: attachTo ?? null },
    });
  }
}
