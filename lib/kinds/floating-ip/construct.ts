// FloatingIp: a labelable public address (API reference §5.5), optionally attached to a managed
// server. Name and attachment are mutable; cloud account and realm are immutable.
import type { Construct } from 'constructs';
import type { IdLike } from '../../constructs/validation';
import { ServerAttachedObject, type ServerAttachedProps } from '../server/attached-object';

/** A floating IP's props; `server` is the server to attach the address to. */
export interface FloatingIpProps extends ServerAttachedProps {
  /** Realm the address lives in. */
  readonly realm: IdLike;
}

/** An IMCO floating IP. */
export class FloatingIp extends ServerAttachedObject {
  constructor(scope: Construct, id: string, props: FloatingIpProps) {
    super(scope, id, 'floating_ip', props);
    this.checkName(props.name);
    const cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    const attachTo = this.serverAttachment(props.server, cloudAccountId, 'floating IP');
    this.encode({
      fields: {
        name: props.name,
        cloud_account_id: cloudAccountId,
        realm_id: this.idField(props.realm, 'realm', 'realm'),
      },
      extras: { attachTo },
    });
  }
}
