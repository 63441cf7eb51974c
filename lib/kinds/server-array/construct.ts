// ServerArray: a labelable set of identical servers (API reference §7.3). Its size is desired state
// reached with enlarge, or with empty for size 0 (IMCO v2 cannot shrink an array except by emptying
// it; the handler refuses another shrink with the -replace command that rebuilds the array); the
// power state is reached with boot/shutdown.
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { integerProblem, type IdLike } from '../../constructs/validation';
import { Template } from '../template/construct';
import { FirewallProfile } from '../firewall-profile/construct';
import { Subnet } from '../subnet/construct';
import { SshProfile } from '../ssh-profile/construct';
import { powerStateProblem, type PowerState } from '../../constructs/cloud/power';
import { placementProblems } from '../server/construct';

export interface ServerArrayProps extends ImcoObjectProps {
  readonly name: string;
  /** Template of the member servers (immutable: a change replaces the array). */
  readonly template: Template | IdLike;
  readonly cloudAccount: IdLike;
  readonly serverPlan: IdLike;
  /**
   * Number of member servers. It can grow (enlarge) or go to 0 (the array is emptied in place); a
   * smaller non-zero size is refused at apply, since IMCO v2 cannot shrink an array. @default 0
   */
  readonly size?: number;
  /** @default the account's default firewall profile */
  readonly firewallProfile?: FirewallProfile | IdLike;
  /** @default the account's default SSH profile */
  readonly sshProfile?: SshProfile | IdLike;
  /** @default none (not on an IMCO-managed subnet) */
  readonly subnet?: Subnet | IdLike;
  /** true: the servers get only private IPs. @default IMCO's default */
  readonly privateness?: boolean;
  /** Power state imco-bridge keeps the array in. @default 'operational' */
  readonly powerState?: PowerState;
}

/** An IMCO server array. */
export class ServerArray extends ImcoObject {
  readonly cloudAccountId?: string;

  constructor(scope: Construct, id: string, props: ServerArrayProps) {
    super(scope, id, 'server_array', props);
    this.checkName(props.name);
    this.problemIf(powerStateProblem(props.powerState, 'server array'));
    const size = props.size ?? 0;
    this.problemIf(integerProblem(size, 'size', 0));
    this.cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    placementProblems(this.cloudAccountId, props).forEach((problem) => this.problemIf(problem));
    const optional = (value: unknown, prop: string, cls: abstract new (...args: never[]) => ImcoObject, title: string) =>
      value === undefined ? undefined : this.refOrId(value, prop, cls, title);
    this.encode({
      fields: {
        name: props.name,
        template_id: this.refOrId(props.template, 'template', Template, 'Template'),
        cloud_account_id: this.cloudAccountId,
        server_plan_id: this.idField(props.serverPlan, 'serverPlan', 'server plan'),
        firewall_profile_id: optional(props.firewallProfile, 'firewallProfile', FirewallProfile, 'FirewallProfile'),
        ssh_profile_id: optional(props.sshProfile, 'sshProfile', SshProfile, 'SshProfile'),
        subnet_id: optional(props.subnet, 'subnet', Subnet, 'Subnet'),
        privateness: props.privateness,
      },
      extras: { size: typeof size === 'number' ? size : 0, power: props.powerState ?? 'operational' },
    });
  }
}
