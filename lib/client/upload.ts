// File transfers (API reference §1.8): what can be uploaded, how it becomes a fresh chunked stream
// for every attempt, and which upload/download URLs are acceptable. The requests themselves go
// through the transport, over the same mTLS agent, so any host they reach must chain to the
// configured CA.
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { ImcoError } from './errors';

/** File content to upload: bytes, a file path, or a factory of fresh streams (called per attempt). */
export type UploadSource = Uint8Array | { readonly path: string } | (() => Readable);

const CHUNK_BYTES = 64 * 1024;

function* chunks(bytes: Uint8Array): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(CHUNK_BYTES, bytes.length - offset));
  }
}

/**
 * A function returning a fresh stream of the source on every call (a retry re-sends from the
 * start). Streams carry no length, so the request is sent with chunked transfer encoding.
 */
export function uploadStreamFactory(source: UploadSource): () => Readable {
  if (typeof source === 'function') return source;
  if (source instanceof Uint8Array) return () => Readable.from(chunks(source), { objectMode: false });
  const file = source.path;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new ImcoError(`cannot upload ${file}: it is not a readable file`, { code: 'config' });
  }
  return () => fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
}

/**
 * Resolves an `upload_url` / `download_url` from IMCO against the endpoint and refuses anything
 * but https. Another https origin is accepted: the request uses the same agent, which trusts only
 * the configured CA, so a host whose certificate does not chain to it is refused by the handshake.
 */
export function resolveTransferUrl(transferUrl: string | undefined, endpoint: string, direction: 'upload' | 'download', what: string): URL {
  if (!transferUrl) {
    throw new ImcoError(`IMCO returned no ${direction}_url for ${what}; cannot ${direction}`, { code: 'http' });
  }
  let url: URL;
  try {
    url = new URL(transferUrl, endpoint);
  } catch {
    throw new ImcoError(`IMCO returned an invalid ${direction}_url for ${what}`, { code: 'http' });
  }
  if (url.protocol !== 'https:') {
    throw new ImcoError(
      `refusing to ${direction} ${what} ${direction === 'upload' ? 'to' : 'from'} ${url.origin}: ${direction} URLs must be https:// (the file would travel unprotected)`,
      { code: 'config' },
    );
  }
  return url;
}
