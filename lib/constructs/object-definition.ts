// The shapes a kind's construct passes to ImcoObject: the props every IMCO construct accepts, the
// desired state handed to `encode` and the action resources added with `addAction`.
import type { BridgeSpec, ObjectRef, SpecExtras, SpecValue } from '../spec/spec';
import type { ImcoObject } from './imco-object';

/** Props every IMCO construct accepts. */
export interface ImcoObjectProps {
  /**
   * Seconds imco-bridge waits for this object to settle on create, update and delete. With the
   * `terraform_data` flavour a change is an in-place update of the lifecycle resource; with
   * `null_resource` it is one of its triggers (a change replaces the object).
   * @default ImcoSettings `timeouts[kind]`, else the kind's catalog default
   */
  readonly timeoutSeconds?: number;
}

/** What a kind's construct hands to `encode`. */
export interface ObjectDefinition {
  /** Identity; defaults to the ownership label for labelable kinds. */
  readonly self?: ObjectRef;
  /** The object this one lives in (subnet, VPN): replacing it replaces this one. */
  readonly parent?: ImcoObject;
  /** Wire create fields (snake_case): literals, `{ $ref }` (via `refTo`), `{ $secret }` (via `secretField`). */
  readonly fields: Readonly<Record<string, SpecValue | undefined>>;
  readonly extras?: SpecExtras;
}

/** An action resource: reboot, or execute an operational script. */
export interface ActionDefinition {
  /** Appended to the resource name: `<name>_<suffix>`. */
  readonly suffix: string;
  readonly trigger: string;
  readonly action: NonNullable<BridgeSpec['action']>;
  /** Further objects the action needs (the script to execute). */
  readonly uses?: readonly ImcoObject[];
}
