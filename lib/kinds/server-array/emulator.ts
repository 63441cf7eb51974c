// Server arrays drive their member servers: create commissions `size` members (named NAME-N,
// carrying server_array_id); boot and shutdown move every member in step with the array (members
// still busy finish first); enlarge commissions N more (and boots them when the array is
// operational); empty decommissions every member; delete needs an empty array. `size` is the
// number of members that still exist. Members default to the default firewall and SSH profiles.
import { kindSpec } from '../../catalog';
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import { ok } from '../../emulator/exchange';
import { unprocessable } from '../../emulator/http-errors';
import { GONE } from '../../emulator/machine';
import { renderKind } from '../../emulator/render';
import { isSeed, type StoredObject } from '../../emulator/store';
import { checkPlacement, commissionServer } from '../server/emulator';

export const MAX_ARRAY_SIZE = 100;
const serverSpec = kindSpec('server');
const COMMISSION_STEPS = serverSpec.lifecycle!.createSteps;
const DECOMMISSION_STEPS = [...serverSpec.lifecycle!.deleteSteps, GONE];
const serverAction = (name: string) => serverSpec.actions!.find((a) => a.name === name)!;
const TRANSITIONAL = ['commissioning', 'booting', 'bootstrapping', 'shutting_down', 'decommissioning'];

export function membersOf(ctx: EmulatorServices, arrayId: string): StoredObject[] {
  return ctx.store.list('server').filter((s) => s.server_array_id === arrayId);
}

function defaultFirewallProfile(ctx: EmulatorServices): string {
  return ctx.store.list('firewall_profile').find((f) => f.default === true)?.id ?? '';
}

function defaultSshProfile(ctx: EmulatorServices): string {
  const profiles = ctx.store.list('ssh_profile');
  return (profiles.find((p) => isSeed(p) && p.name === 'default') ?? profiles[0])?.id ?? '';
}

function addMembers(ctx: EmulatorServices, array: StoredObject, count: number, steps: readonly string[]): void {
  for (let i = 0; i < count; i++) {
    const n = ctx.store.next(`array_member:${array.id}`);
    commissionServer(
      ctx,
      {
        name: `${String(array.name)}-${n}`,
        template_id: array.template_id,
        server_plan_id: array.server_plan_id,
        cloud_account_id: array.cloud_account_id,
        ssh_profile_id: array.ssh_profile_id,
        firewall_profile_id: array.firewall_profile_id,
        subnet_id: array.subnet_id,
        privateness: array.privateness,
        server_array_id: array.id,
        label_ids: [],
      },
      steps,
    );
  }
}

/** Moves every member: busy members get the steps queued, idle ones in `from` start now. */
function driveMembers(ctx: EmulatorServices, array: StoredObject, from: readonly string[], steps: readonly string[]): void {
  for (const member of membersOf(ctx, array.id)) {
    if (ctx.machine.pending('server', member.id)) ctx.machine.enqueue('server', member, steps);
    else if (from.includes(String(member.state))) ctx.machine.start('server', member, steps);
  }
}

export const serverArrays: KindBehaviour = {
  kind: 'server_array',
  validateCreate(ctx, { fields }, errors) {
    checkPlacement(ctx, fields, errors);
    const size = (fields.size as number | undefined) ?? 0;
    if (size < 0 || size > MAX_ARRAY_SIZE) errors.add('size', `must be between 0 and ${MAX_ARRAY_SIZE}`);
  },
  initialise(ctx, array, { fields }) {
    if (!array.firewall_profile_id) array.firewall_profile_id = defaultFirewallProfile(ctx);
    if (!array.ssh_profile_id) array.ssh_profile_id = defaultSshProfile(ctx);
    array.ssh_profile_ids = [array.ssh_profile_id];
    const subnet = typeof fields.subnet_id === 'string' && fields.subnet_id ? ctx.store.get('subnet', fields.subnet_id) : undefined;
    array.vpc_id = subnet ? subnet.vpc_id : '';
    array.privateness = array.privateness === true;
  },
  afterCreate(ctx, array, { fields }) {
    addMembers(ctx, array, (fields.size as number | undefined) ?? 0, COMMISSION_STEPS);
  },
  decorate(ctx, array, out) {
    out.size = membersOf(ctx, array.id).length;
  },
  checkDelete(ctx, array, errors) {
    const members = membersOf(ctx, array.id);
    if (members.length > 0) {
      errors.add('size', `server array still has ${members.length} server(s); empty it first (PUT /cloud/server_arrays/${array.id}/empty) and wait until its size is 0`);
    }
  },
  actions: {
    boot(ctx, array) {
      const boot = serverAction('boot');
      driveMembers(ctx, array, boot.from!, boot.steps!);
    },
    shutdown(ctx, array) {
      const shutdown = serverAction('shutdown');
      driveMembers(ctx, array, shutdown.from!, shutdown.steps!);
    },
    empty(ctx, array, _input, _action, errors) {
      const allowed = serverSpec.lifecycle!.deleteFrom!;
      const members = membersOf(ctx, array.id);
      for (const member of members) {
        const settled = String(ctx.machine.settledState('server', member));
        if (!allowed.includes(settled) && settled !== 'decommissioning') {
          errors.add('base', `member server ${member.id} is ${String(member.state)}; shut it down before emptying the array`);
        }
      }
      if (errors.has()) return;
      for (const member of members) {
        if (member.state === 'decommissioning') continue;
        if (ctx.machine.pending('server', member.id)) ctx.machine.enqueue('server', member, DECOMMISSION_STEPS);
        else ctx.machine.start('server', member, DECOMMISSION_STEPS);
      }
    },
    enlarge(ctx, array, input) {
      if (TRANSITIONAL.includes(String(array.state))) {
        throw unprocessable('state', `server array ${array.id} is ${String(array.state)}; enlarge it when it is inactive or operational`);
      }
      const count = input.size as number;
      const current = membersOf(ctx, array.id).length;
      if (count < 1) throw unprocessable('size', 'must be at least 1 (the number of servers to add)');
      if (current + count > MAX_ARRAY_SIZE) {
        throw unprocessable('size', `would grow the array to ${current + count} servers; the limit is ${MAX_ARRAY_SIZE}`);
      }
      const steps = array.state === 'operational' ? [...COMMISSION_STEPS, ...serverAction('boot').steps!] : COMMISSION_STEPS;
      addMembers(ctx, array, count, steps);
    },
  },
  routes(add) {
    add('GET', '/cloud/server_arrays/{id}/servers', (ctx, req) => {
      const array = findObject(ctx, 'server_array', req.params.id);
      return ok(membersOf(ctx, array.id).map((s) => renderKind(ctx, 'server', s, 'list')));
    });
  },
};
