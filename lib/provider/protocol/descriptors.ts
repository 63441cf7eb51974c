// The protocol's message types, from the JSON descriptor that scripts/build.js compiles out of
// tfplugin6.proto and go-plugin.proto (never parsed at start: protobufjs/light only). 64-bit
// integers decode as plain numbers (schema versions and list indexes are small). Each type's
// constructor, encoder and decoder come from tfplugin6-codecs.ts (protobufjs's own code generation,
// done at build time): protobufjs would otherwise generate five functions per type with
// `new Function` at its first use, 1-2 ms per type in every provider process.
import * as protobuf from 'protobufjs/light';
import descriptor from './tfplugin6.json';
import { CODECS } from './tfplugin6-codecs';

// Without Long, protobufjs reads int64 as numbers, whatever happens to be installed nearby.
(protobuf.util as { Long: unknown }).Long = null;
protobuf.configure();

let root: protobuf.Root | undefined;
const types = new Map<string, protobuf.Type>();

/** A message type by its full name, e.g. `tfplugin6.PlanResourceChange.Request`. */
export function messageType(fullName: string): protobuf.Type {
  let t = types.get(fullName);
  if (!t) {
    root ??= withCodecs(protobuf.Root.fromJSON(descriptor as protobuf.INamespace));
    t = root.lookupType(fullName);
    types.set(fullName, t);
  }
  return t;
}

type Codec = readonly [() => protobuf.Constructor<object>, (...scope: unknown[]) => protobuf.Type['encode'], (...scope: unknown[]) => protobuf.Type['decode']];

/**
 * Installs the build-time codecs on every type, as protobufjs's Type.setup would install the ones
 * it generates (the same scope: Writer or Reader, the resolved field types, util, the constructor).
 * verify/fromObject/toObject are left to protobufjs (generated on first use; the host uses none).
 */
function withCodecs(r: protobuf.Root): protobuf.Root {
  for (const [name, [ctor, encoder, decoder]] of Object.entries(CODECS as unknown as Record<string, Codec>)) {
    const t = r.lookupType(name);
    const types = t.fieldsArray.map((f) => f.resolve().resolvedType);
    t.ctor = ctor();
    t.encode = encoder(protobuf.Writer, types, protobuf.util);
    t.decode = decoder(protobuf.Reader, types, protobuf.util, t.ctor);
  }
  return r;
}

/** Protobuf bytes → the decoded message (fields by their .proto names, defaults filled). */
export function decodeMessage<T>(fullName: string, bytes: Uint8Array): T {
  return messageType(fullName).decode(bytes) as unknown as T;
}

/** A plain object with the .proto field names → protobuf bytes. */
export function encodeMessage(fullName: string, value: object): Uint8Array {
  return messageType(fullName).encode(value as protobuf.Message).finish();
}
