// The wire names of secret fields: every field the catalog marks secret, in create bodies and in
// action bodies, with its input aliases (private_key, psk, account_data, …). The one list the
// client's scrubber (lib/client/redaction.ts) and the emulator's journal redaction
// (lib/emulator/redaction.ts) both use.
import { KINDS } from '../catalog';

export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set(
  KINDS.flatMap((k) => [...k.createFields, ...(k.actions ?? []).flatMap((a) => a.fields ?? [])])
    .filter((f) => f.secret)
    .flatMap((f) => [f.name, ...(f.aliases ?? [])]),
);
