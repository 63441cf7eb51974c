// Reads what Terraform plans, as `terraform show -json` reports it, and what the emulator saw
// (the journal), for end-to-end assertions on actions and API calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraformOk, type TerraformRunOptions } from '../../support/terraform';

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly change: { readonly actions: readonly string[]; readonly importing?: unknown; readonly before?: unknown; readonly after?: unknown };
}

export interface PlanJson {
  readonly resource_changes?: readonly ResourceChange[];
  readonly resource_drift?: readonly ResourceChange[];
}

/** `terraform plan -out` then `terraform show -json` of that plan; also returns the plan's own output. */
export async function planJson(stackDir: string, args: readonly string[] = [], opts: TerraformRunOptions = {}): Promise<{ json: PlanJson; stdout: string; planFile: string }> {
  const planFile = join(stackDir, `plan-${Date.now()}.tfplan`);
  const plan = await terraformOk(stackDir, ['plan', '-no-color', '-input=false', `-out=${planFile}`, ...args], opts, [0]);
  const shown = await terraformOk(stackDir, ['show', '-json', planFile], opts);
  return { json: JSON.parse(shown.stdout) as PlanJson, stdout: plan.stdout, planFile };
}

/** `type.name → actions` of every resource change that is not a no-op. */
export function changedActions(plan: PlanJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rc of plan.resource_changes ?? []) {
    if (rc.change.actions.join() !== 'no-op') out[rc.address] = [...rc.change.actions];
  }
  return out;
}

/** Actions of the changes of one resource type. */
export function actionsOfType(plan: PlanJson, type: string): string[][] {
  return (plan.resource_changes ?? []).filter((rc) => rc.type === type).map((rc) => [...rc.change.actions]);
}

export interface JournalEntry {
  readonly method: string;
  readonly path: string;
}

/** The journal's entries from line `from` on. */
export function journalFrom(journalPath: string, from = 0): JournalEntry[] {
  return readFileSync(journalPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(from)
    .map((l) => JSON.parse(l) as JournalEntry);
}

/** How many entries the journal has now. */
export function journalLength(journalPath: string): number {
  return journalFrom(journalPath).length;
}

/** `METHOD path` of every write (not GET) from line `from` on. */
export function writesFrom(journalPath: string, from = 0): string[] {
  return journalFrom(journalPath, from)
    .filter((e) => e.method !== 'GET')
    .map((e) => `${e.method} ${e.path}`);
}
