// Server: a labelable cloud server (API reference §7.2). Only the name is updatable in IMCO; the
// declared power state is reached by boot/shutdown in the sync handler; a reboot trigger and
// operational-script executions become action resources that run when their trigger changes.
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { resourceNameOf } from '../../constructs/registry';
import type { IdLike } from '../../constructs/validation';
import { Script } from '../script/construct';
import { Template } from '../template/construct';
import { FirewallProfile } from '../firewall-profile/construct';
import { Subnet } from '../subnet/construct';
import { SshProfile } from '../ssh-profile/construct';
import { powerStateProblem, type PowerState } from '../../constructs/cloud/power';

/** Executes an operational script of the server's template whenever `trigger` changes. */
export interface ScriptExecution {
  /** A script in the template's operationalScripts. */
  readonly script: Script;
  /** Any text; a new value executes the script again (e.g. a version or a date). */
  readonly trigger: string;
}

export interface ServerProps extends ImcoObjectProps {
  readonly name: string;
  /** The server's template (immutable: a change replaces the server). */
  readonly template: Template | IdLike;
  readonly serverPlan: IdLike;
  readonly cloudAccount: IdLike;
  readonly sshProfile: SshProfile | IdLike;
  readonly firewallProfile: FirewallProfile | IdLike;
  /** Subnet to place the server in. @default none (not on an IMCO-managed subnet) */
  readonly subnet?: Subnet | IdLike;
  /** true: the server gets only a private IP. @default IMCO's default */
  readonly privateness?: boolean;
  /** Power state imco-bridge keeps the server in. @default 'operational' */
  readonly powerState?: PowerState;
  /** Any text; a new value reboots the server (an operational server only). @default none */
  readonly rebootTrigger?: string;
  /** Operational scripts to execute, each when its trigger changes. @default [] */
  readonly scriptExecutions?: readonly ScriptExecution[];
}

/** An IMCO server. */
export class Server extends ImcoObject {
  /** Id of the server's cloud account (undefined when invalid). */
  readonly cloudAccountId?: string;

  constructor(scope: Construct, id: string, props: ServerProps) {
    super(scope, id, 'server', props);
    this.checkName(props.name);
    this.problemIf(powerStateProblem(props.powerState, 'server'));
    this.cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    const subnet = props.subnet === undefined ? undefined : this.refOrId(props.subnet, 'subnet', Subnet, 'Subnet');
    placementProblems(this.cloudAccountId, props).forEach((problem) => this.problemIf(problem));
    this.encode({
      fields: {
        name: props.name,
        template_id: this.refOrId(props.template, 'template', Template, 'Template'),
        server_plan_id: this.idField(props.serverPlan, 'serverPlan', 'server plan'),
        cloud_account_id: this.cloudAccountId,
        ssh_profile_id: this.refOrId(props.sshProfile, 'sshProfile', SshProfile, 'SshProfile'),
        firewall_profile_id: this.refOrId(props.firewallProfile, 'firewallProfile', FirewallProfile, 'FirewallProfile'),
        subnet_id: subnet,
        privateness: props.privateness,
      },
      extras: { power: props.powerState ?? 'operational' },
    });

    if (props.rebootTrigger !== undefined) {
      if (typeof props.rebootTrigger !== 'string' || props.rebootTrigger === '') {
        this.problem('rebootTrigger must be a non-empty string');
      } else {
        this.addAction('Reboot', { suffix: 'reboot', trigger: props.rebootTrigger, action: { name: 'reboot' } });
      }
    }
    const executed = new Map<Script, number>();
    (props.scriptExecutions ?? []).forEach((execution, i) => {
      const at = `scriptExecutions[${i}]`;
      const script = execution?.script;
      if (!(script instanceof Script)) {
        this.problem(`${at}.script must be a Script construct`);
        return;
      }
      if (typeof execution.trigger !== 'string' || execution.trigger === '') {
        this.problem(`${at}.trigger must be a non-empty string`);
        return;
      }
      const earlier = executed.get(script);
      if (earlier !== undefined) {
        this.problem(`${at} executes script '${script.objectPath}' again (see scriptExecutions[${earlier}]); keep one execution per script`);
        return;
      }
      executed.set(script, i);
      if (props.template instanceof Template && !props.template.scriptsOf('operational').includes(script)) {
        this.problem(
          `${at}: script '${script.objectPath}' is not an operational script of template '${props.template.objectPath}'; add it to the template's operationalScripts`,
        );
      }
      this.addAction(`Exec${script.node.id}`, {
        suffix: `exec_${resourceNameOf(script.node.id).replace(/^_/, '')}`,
        trigger: execution.trigger,
        action: { name: 'execute', script: { $ref: script.ref } },
        uses: [script],
      });
    });
  }
}

/**
 * The problems of where a server (array) is placed: `privateness` must be a boolean, and a server
 * in a managed subnet must use the cloud account of the subnet's VPC.
 */
export function placementProblems(cloudAccountId: string | undefined, props: { readonly privateness?: unknown; readonly subnet?: unknown }): (string | undefined)[] {
  const privateness = props.privateness !== undefined && typeof props.privateness !== 'boolean' ? 'privateness must be true or false' : undefined;
  return [privateness, subnetAccountProblem(cloudAccountId, props.subnet)];
}

/** A server (array) in a managed subnet must use the cloud account of the subnet's VPC. */
function subnetAccountProblem(cloudAccountId: string | undefined, subnet: unknown): string | undefined {
  if (!(subnet instanceof Subnet) || !cloudAccountId) return undefined;
  const vpcAccount = subnet.vpc instanceof ImcoObject ? subnet.vpc.cloudAccountId : undefined;
  if (!vpcAccount || vpcAccount === cloudAccountId) return undefined;
  return `subnet '${subnet.objectPath}' belongs to VPC '${subnet.vpc.objectPath}' in cloud account ${vpcAccount}, but cloudAccount is ${cloudAccountId}; use the VPC's cloud account`;
}
