// Servers: placement checks (server plan of the cloud account's provider, subnet available and in
// a VPC of the same cloud account), defaults (fqdn empty and IPs null until provisioned,
// brownfield_state "Pure", ssh_profile_ids), addresses assigned as the state machine moves on,
// volumes and floating IPs released when the server is gone, and the server sub-resources: events,
// operational scripts (+ execute), floating IPs and volumes.
import { kindSpec } from '../../catalog';
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import { ok } from '../../emulator/exchange';
import { notFound, unprocessable, type ErrorCollector } from '../../emulator/http-errors';
import { newObjectId } from '../../emulator/ids';
import { describe, renderKind } from '../../emulator/render';
import { META, type StoredObject } from '../../emulator/store';
import { allocatePrivateAddress, allocatePublicAddress } from './addresses';
import { providerOfAccount } from '../platform/providers';
import { releaseVolumesOf } from '../volume/emulator';

export const SERVER_KIND = 'server';

/** Checks that plan, account and subnet fit together (shared with server arrays). */
export function checkPlacement(ctx: EmulatorServices, fields: Readonly<Record<string, unknown>>, errors: ErrorCollector): void {
  const provider = providerOfAccount(ctx, fields.cloud_account_id);
  const plan = ctx.store.get('server_plan', String(fields.server_plan_id));
  if (provider && plan && plan.cloud_provider_id !== provider.id) {
    errors.add('server_plan_id', `server plan '${String(plan.name)}' belongs to another cloud provider; list ${String(provider.name)}'s plans with GET /cloud/cloud_providers/${provider.id}/server_plans`);
  }
  const subnetId = fields.subnet_id;
  if (typeof subnetId === 'string' && subnetId !== '') {
    const subnet = ctx.store.get('subnet', subnetId)!;
    const vpc = ctx.store.get('vpc', String(subnet.vpc_id));
    if (subnet.state !== 'available') errors.add('subnet_id', `subnet ${subnet.id} is ${String(subnet.state)}; wait until it is available`);
    if (subnet.server_creation_disabled === true) errors.add('subnet_id', `subnet ${subnet.id} does not accept new servers`);
    if (vpc && vpc.cloud_account_id !== fields.cloud_account_id) {
      errors.add('subnet_id', `subnet ${subnet.id} is in a VPC of cloud account ${String(vpc.cloud_account_id)}; use a subnet of the server's cloud account`);
    }
  }
}

/** Fields every new server gets (also servers commissioned by an array). */
export function initialiseServer(ctx: EmulatorServices, obj: StoredObject): void {
  const subnet = typeof obj.subnet_id === 'string' && obj.subnet_id ? ctx.store.get('subnet', obj.subnet_id) : undefined;
  obj.fqdn = '';
  obj.public_ip = null;
  obj.private_ip = null;
  obj.ssh_profile_ids = [obj.ssh_profile_id];
  obj.server_array_id ??= null;
  obj.brownfield_state = 'Pure';
  obj.subnet_id ??= '';
  obj.vpc_id = subnet ? subnet.vpc_id : '';
  obj.privateness = obj.privateness === true;
  obj.label_ids ??= [];
}

/** Stores a server built outside the create endpoint (array members) and starts its steps. */
export function commissionServer(ctx: EmulatorServices, fields: Record<string, unknown>, steps: readonly string[]): StoredObject {
  const now = Date.now();
  const obj: StoredObject = { id: newObjectId(now), ...fields, [META.createdAt]: now };
  initialiseServer(ctx, obj);
  ctx.store.insert(SERVER_KIND, obj);
  ctx.machine.start(SERVER_KIND, obj, steps);
  return obj;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
}

function operationalScripts(ctx: EmulatorServices, server: StoredObject): StoredObject[] {
  return ctx.store
    .list('template_script')
    .filter((ts) => ts.template_id === server.template_id && ts.type === 'operational')
    .sort((a, b) => (a.execution_order as number) - (b.execution_order as number));
}

export const servers: KindBehaviour = {
  kind: SERVER_KIND,
  validateCreate(ctx, { fields }, errors) {
    checkPlacement(ctx, fields, errors);
  },
  initialise(ctx, obj) {
    initialiseServer(ctx, obj);
  },
  onState(ctx, server, _previous, next) {
    if (next === 'inactive' && server.private_ip === null) server.private_ip = allocatePrivateAddress(ctx, server);
    if (next === 'bootstrapping') {
      if (server.fqdn === '') server.fqdn = `${slug(String(server.name))}-${server.id.slice(-6)}.emulator.imco.test`;
      if (server.public_ip === null && server.privateness !== true) server.public_ip = allocatePublicAddress(ctx);
    }
  },
  onGone(ctx, server) {
    releaseVolumesOf(ctx, server.id);
  },
  routes(add) {
    add('GET', '/cloud/servers/{id}/events', (ctx, req) => {
      const server = findObject(ctx, SERVER_KIND, req.params.id);
      return ok(ctx.audit.eventsOf(SERVER_KIND, server.id).map((e) => renderKind(ctx, 'event', e, 'list')));
    });
    add('GET', '/cloud/servers/{id}/operational_scripts', (ctx, req) => {
      const server = findObject(ctx, SERVER_KIND, req.params.id);
      return ok(operationalScripts(ctx, server).map((ts) => renderKind(ctx, 'template_script', ts, 'list')));
    });
    add('PUT', '/cloud/servers/{id}/operational_scripts/{script_id}/execute', (ctx, req) => {
      const server = findObject(ctx, SERVER_KIND, req.params.id);
      const script = operationalScripts(ctx, server).find((ts) => ts.id === req.params.script_id);
      if (!script) {
        throw notFound(`server ${server.id} has no operational script '${req.params.script_id}'; list them with GET /cloud/servers/${server.id}/operational_scripts`);
      }
      if (server.state !== 'operational') {
        throw unprocessable('state', `${describe(kindSpec(SERVER_KIND), server)} is ${String(server.state)}; scripts run only on operational servers`);
      }
      const target = ctx.store.get('script', String(script.script_id));
      const name = target ? `'${String(target.name)}'` : String(script.script_id);
      const event = ctx.audit.record('info', 'Script execution requested', `operational script ${name} (${script.id}) queued on ${describe(kindSpec(SERVER_KIND), server)}`, {
        kind: SERVER_KIND,
        id: server.id,
      });
      return ok(renderKind(ctx, 'event', event));
    });
    add('GET', '/cloud/servers/{id}/floating_ips', (ctx, req) => {
      const server = findObject(ctx, SERVER_KIND, req.params.id);
      return ok(ctx.store.list('floating_ip').filter((f) => f.attached_server_id === server.id).map((f) => renderKind(ctx, 'floating_ip', f, 'list')));
    });
    add('GET', '/cloud/servers/{id}/volumes', (ctx, req) => {
      const server = findObject(ctx, SERVER_KIND, req.params.id);
      return ok(ctx.store.list('volume').filter((v) => v.attached_server_id === server.id).map((v) => renderKind(ctx, 'volume', v, 'list')));
    });
  },
};

