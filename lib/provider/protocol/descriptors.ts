// The protocol's message types, from the JSON descriptor that scripts/build.js compiles out of
// tfplugin6.proto and go-plugin.proto (never parsed at start: protobufjs/light only). 64-bit
// integers decode as plain numbers (schema versions and list indexes are small).
import * as protobuf from 'protobufjs/light';
import descriptor from './tfplugin6.json';

// Without Long, protobufjs reads int64 as numbers, whatever happens to be installed nearby.
(protobuf.util as { Long: unknown }).Long = null;
protobuf.configure();

let root: protobuf.Root | undefined;
const types = new Map<string, protobuf.Type>();

/** A message type by its full name, e.g. `tfplugin6.PlanResourceChange.Request`. */
export function messageType(fullName: string): protobuf.Type {
  let t = types.get(fullName);
  if (!t) {
    root ??= protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
    t = root.lookupType(fullName);
    types.set(fullName, t);
  }
  return t;
}

/** Protobuf bytes → the decoded message (fields by their .proto names, defaults filled). */
export function decodeMessage<T>(fullName: string, bytes: Uint8Array): T {
  return messageType(fullName).decode(bytes) as unknown as T;
}

/** A plain object with the .proto field names → protobuf bytes. */
export function encodeMessage(fullName: string, value: object): Uint8Array {
  return messageType(fullName).encode(value as protobuf.Message).finish();
}
