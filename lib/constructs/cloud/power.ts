// Declared power state of servers and server arrays (the two states a handler can drive them to).

/** The states imco-bridge boots or shuts a server (array) down to. */
export type PowerState = 'operational' | 'inactive';

export const POWER_STATES: readonly PowerState[] = ['operational', 'inactive'];

/** The problem with a declared power state, if any. */
export function powerStateProblem(value: unknown, title: string): string | undefined {
  if (value === undefined || (POWER_STATES as readonly unknown[]).includes(value)) return undefined;
  return `powerState ${JSON.stringify(value)} is not a state a ${title} can be driven to; use 'operational' (booted) or 'inactive' (shut down)`;
}
