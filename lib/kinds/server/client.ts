// The client's typed facade for server objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export interface AttachedFilter {
  /** Only objects attached to this server. */
  readonly serverId?: string;
}

export class ServersApi extends Facade {
  /** Oldest first. */
  list(): Promise<T.Server[]> {
    return this.host.call('server.list');
  }
  show(id: string): Promise<T.Server> {
    return this.host.call('server.show', { id });
  }
  /** Commissions a server (`commissioning` → `inactive`). */
  create(body: T.ServerCreate): Promise<T.Server> {
    return this.host.call('server.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Server> {
    return this.host.call('server.update', { id }, body);
  }
  /** From `inactive`: `booting` → `bootstrapping` → `operational`. */
  boot(id: string): Promise<T.Server> {
    return this.host.call('server.boot', { id }, {});
  }
  /** From `operational`. */
  reboot(id: string): Promise<T.Server> {
    return this.host.call('server.reboot', { id }, {});
  }
  /** From `bootstrapping`, `operational` or `stalled`: `shutting_down` → `inactive`. */
  shutdown(id: string): Promise<T.Server> {
    return this.host.call('server.shutdown', { id }, {});
  }
  /** Takes a `stalled` server to `operational`, at the user's own risk. */
  override(id: string): Promise<T.Server> {
    return this.host.call('server.override', { id }, {});
  }
  /** Decommissions (from `inactive`, `stalled` or `commission_stalled`). */
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('server.delete', { id });
  }
  events(id: string): Promise<T.AuditEvent[]> {
    return this.host.call('server.events', { id });
  }
  operationalScripts(id: string): Promise<T.OperationalScript[]> {
    return this.host.call('server.operational_scripts', { id });
  }
  /** Runs an operational script; `templateScriptId` is the template script's id, not the script's. */
  executeScript(id: string, templateScriptId: string): Promise<T.AuditEvent> {
    return this.host.call('server.execute_script', { id, script_id: templateScriptId }, {});
  }
  floatingIps(id: string): Promise<T.FloatingIp[]> {
    return this.host.call('server.floating_ips', { id });
  }
  volumes(id: string): Promise<T.Volume[]> {
    return this.host.call('server.volumes', { id });
  }
}
