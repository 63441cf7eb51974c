// A marker kept in a Terraform state's private data: a one-key JSON object (`{ "<key>": value }`),
// written by the provider and read back on the next plan or apply. Adoption stages and pending
// moves are such markers.

/** The private data holding `value` under `key`. */
export function encodeMarker(key: string, value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify({ [key]: value }), 'utf8');
}

/** The value under `key` in a state's private data; undefined when there is none or it is not JSON. */
export function markerOf(key: string, priv: Uint8Array | undefined): unknown {
  if (!priv || priv.length === 0) return undefined;
  const text = Buffer.from(priv).toString('utf8');
  if (!text.includes(key)) return undefined;
  try {
    return (JSON.parse(text) as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
