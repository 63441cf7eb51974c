// The newest audit events as synth-time data.
import type { IConstruct } from 'constructs';
import { resolveLookupIn } from '../../constructs/lookups';

/**
 * The newest audit events of the account as synth-time data (e.g. for outputs). Like every lookup
 * they come from imco.context.json; `imco-bridge context refresh` fetches them anew.
 */
export class AuditEvents {
  /** The `count` newest events, newest first, each `<timestamp> <level> <header>`. */
  static latest(scope: IConstruct, count = 10): readonly string[] {
    const r = resolveLookupIn(scope, { kind: 'audit_events', name: `latest ${count}` });
    const events = r.facts.events;
    return Array.isArray(events) ? events : [];
  }
}
