// The end of an export run: objects per kind, what was skipped and why, and the secrets to set
// before the first synth. The same text goes to the terminal and into the app's README.
import { kindSpec } from '../catalog';
import type { EstateObject, SkippedObject } from './estate';
import type { SecretPlaceholder } from './render';

export interface ExportSummary {
  readonly exported: readonly EstateObject[];
  readonly skipped: readonly SkippedObject[];
  readonly secrets: readonly SecretPlaceholder[];
}

const title = (kind: string) => kind.replace(/_/g, ' ');

export function summaryLines(s: ExportSummary): string[] {
  const perKind = new Map<string, number>();
  for (const o of s.exported) perKind.set(o.kind, (perKind.get(o.kind) ?? 0) + 1);
  const lines = [`exported ${s.exported.length} object(s)${perKind.size > 0 ? ':' : ''}`];
  for (const [kind, n] of perKind) lines.push(`  ${title(kind)}: ${n}`);
  // Kinds read on their own that carry no labels have no ownership mark: adopted ones come back.
  for (const spec of [...perKind.keys()].map(kindSpec).filter((k) => !k.labelable && !k.parent)) {
    lines.push(`  (${spec.title}s carry no labels in IMCO: an export offers them again once adopted; leave them out with --kinds)`);
  }
  if (s.skipped.length > 0) {
    lines.push(`skipped ${s.skipped.length} object(s):`);
    for (const o of s.skipped) lines.push(`  ${title(o.kind)} ${o.name ? `'${o.name}' ` : ''}(${o.id}): ${o.reason}`);
  }
  if (s.secrets.length > 0) {
    lines.push('set these before synth (IMCO does not return secrets; synth fingerprints them, apply reads them):');
    for (const x of s.secrets) lines.push(`  ${x.variable}  ${x.what} of ${x.construct}`);
  }
  return lines;
}
