// gRPC message framing: length-prefixed frames, several per body, gzip-compressed ones, truncation.
import { gzipSync } from 'node:zlib';
import { frame, GrpcStatusError, readFrames } from '../../../lib/provider/protocol/grpc-server';

describe('gRPC framing', () => {
  it('writes a 5-byte header (uncompressed flag, big-endian length) before the message', () => {
    expect([...frame(Uint8Array.of(9, 8, 7))]).toEqual([0, 0, 0, 0, 3, 9, 8, 7]);
  });

  it('reads every message of a body, an empty one included', () => {
    const body = Buffer.concat([frame(Uint8Array.of(1)), frame(new Uint8Array()), frame(Uint8Array.of(2, 3))]);
    expect(readFrames(body, undefined).map((m) => [...m])).toEqual([[1], [], [2, 3]]);
  });

  it('reads a gzip-compressed message when the call says grpc-encoding gzip', () => {
    const z = gzipSync(Buffer.from('hello'));
    const body = Buffer.concat([Buffer.from([1, 0, 0, 0, z.length]), z]);
    expect(Buffer.from(readFrames(body, 'gzip')[0]).toString()).toBe('hello');
    expect(() => readFrames(body, 'snappy')).toThrow("unsupported grpc-encoding 'snappy'");
  });

  it('refuses a truncated message with INVALID_ARGUMENT', () => {
    let err: unknown;
    try {
      readFrames(Buffer.from([0, 0, 0, 0, 5, 1, 2]), undefined);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GrpcStatusError);
    expect((err as GrpcStatusError).code).toBe(3);
  });
});
