// Lifecycles shared by several kinds: the server-like one (servers, server arrays) and the
// provisioned one (VPCs, subnets, VPNs, floating IPs).
import type { LifecycleSpec } from './types';

export const SERVER_STATES = [
  'commissioning',
  'inactive',
  'booting',
  'bootstrapping',
  'operational',
  'stalled',
  'shutting_down',
  'decommissioning',
  'commission_stalled',
] as const;

/** Server-like lifecycle shared by servers and server arrays (API reference §10). */
export const serverLifecycle: LifecycleSpec = {
  states: SERVER_STATES,
  createSteps: ['commissioning', 'inactive'],
  ready: ['inactive', 'operational'],
  failed: ['stalled', 'commission_stalled'],
  deleteFrom: ['inactive', 'stalled', 'commission_stalled'],
  deleteSteps: ['decommissioning'],
};

/** Provisioned network/storage objects: states are undocumented, the emulator uses these. */
export const provisionedLifecycle: LifecycleSpec = {
  states: ['provisioning', 'available', 'deleting', 'error'],
  createSteps: ['provisioning', 'available'],
  ready: ['available'],
  failed: ['error'],
  deleteSteps: ['deleting'],
};
