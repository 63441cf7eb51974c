// Adopting an object through an `import` block without a planned change (imco-bridge export). The
// import id may carry, after `?`, the configuration-only attributes IMCO never returns (`owner`, a
// secret's `F_env` / `F_file` / `F_version`), so the imported state equals the configuration and the
// plan is a pure import. The ownership label is attached later: Terraform applies an import-only
// plan without any provider call (measured with terraform 1.11: ConfigureProvider only), so the
// label goes on at the first refresh of the persisted state. The private state tells the two
// reads apart: `imported` (the read right after ImportResourceState, in a plan that may never be
// applied: nothing is written) becomes `adopt` (what the applied state carries); a read of an
// `adopt` state attaches the label and clears the marker.
import type { TfObject } from '../resource-type';
import { type KindModel, importIdForm } from './schema';
import { encodeMarker, markerOf } from './private-marker';
import { storedSecretAttributes } from './secrets';

const KEY = 'imco_adoption';

export type AdoptionStage = 'imported' | 'adopt';

export function encodeAdoption(stage: AdoptionStage): Uint8Array {
  return encodeMarker(KEY, stage);
}

/** The adoption stage in a state's private data, if any. */
export function adoptionOf(priv: Uint8Array | undefined): AdoptionStage | undefined {
  const stage = markerOf(KEY, priv);
  return stage === 'imported' || stage === 'adopt' ? stage : undefined;
}

/**
 * Attributes of kind extras that IMCO never returns either (a read keeps the prior value): a
 * template's `compile`, a VPN's `vpn_plan_name`, the local files of cookbook versions and attachments.
 */
export const CONFIG_ONLY_EXTRAS: readonly string[] = ['compile', 'vpn_plan_name', 'archive', 'archive_sha256', 'source', 'source_sha256'];

/** The attributes an import id may carry: `owner` (labelable kinds), the stored secret attributes, configuration-only extras. */
export function adoptionAttributes(model: KindModel): string[] {
  const names = new Set(model.schema.attributes.map((a) => a.name));
  return [
    ...(model.kind.labelable ? ['owner'] : []),
    ...model.secrets.flatMap((s) => storedSecretAttributes(s)),
    ...CONFIG_ONLY_EXTRAS.filter((n) => names.has(n)),
  ];
}

/** Splits `<id form>?name=value&…` into the id and the configuration-only values; unknown names are refused. */
export function parseImportId(model: KindModel, importId: string): { id: string; values: TfObject } {
  const at = importId.indexOf('?');
  if (at < 0) return { id: importId, values: {} };
  const allowed = adoptionAttributes(model);
  const values: TfObject = {};
  for (const [name, value] of new URLSearchParams(importId.slice(at + 1))) {
    if (!allowed.includes(name)) {
      const may = allowed.length > 0 ? `it may carry ${allowed.join(', ')}` : 'it carries nothing after the id';
      throw new Error(`import id of ${model.typeName}: '${name}' cannot be given after '?' (${may}); the id itself is ${importIdForm(model.kind)}`);
    }
    const type = model.schema.attributes.find((a) => a.name === name)?.type;
    values[name] = type === 'bool' ? value === 'true' : type === 'number' ? Number(value) : value;
  }
  return { id: importId.slice(0, at), values };
}

/** The import id with the configuration-only values appended (what a construct's `importFrom` writes). */
export function importIdWith(id: string, values: Readonly<Record<string, string | boolean | number>>): string {
  const entries = Object.entries(values)
    .map(([k, v]): [string, string] => [k, String(v)])
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? id : `${id}?${new URLSearchParams(entries).toString()}`;
}
