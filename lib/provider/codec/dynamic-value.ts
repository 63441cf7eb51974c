// tfplugin6 DynamicValue ↔ TfValue: msgpack (every config, plan and state value) or JSON (the raw
// state UpgradeResourceState receives). An absent or empty DynamicValue is null.
import type { TfValue } from '../resource-type';
import { decodeMsgpack, encodeMsgpack, fromWire } from './msgpack';
import type { ValueType } from './value-type';

export interface DynamicValueMessage {
  readonly msgpack?: Uint8Array | null;
  readonly json?: Uint8Array | null;
}

export function decodeDynamicValue(dv: DynamicValueMessage | null | undefined, type: ValueType): TfValue {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
  if (dv.json && dv.json.length > 0) return decodeJson(dv.json, type);
  return null;
}

/** JSON (raw state as Terraform stored it) → TfValue typed by `type`. */
export function decodeJson(bytes: Uint8Array, type: ValueType): TfValue {
  return fromWire(JSON.parse(Buffer.from(bytes).toString('utf8')), type);
}

export function encodeDynamicValue(value: TfValue | undefined, type: ValueType): { msgpack: Uint8Array } {
  return { msgpack: encodeMsgpack(value, type) };
}
