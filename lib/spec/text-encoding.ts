// Text read from local files for IMCO (script code, public keys, secret files): IMCO stores text as
// UTF-8, so the bytes must decode as UTF-8 without loss. A UTF-8 byte-order mark is dropped (it is
// an encoding marker, not text: a script that starts with one has a broken `#!` line); a file with a
// UTF-16 byte-order mark (little or big endian, as Windows editors write) is decoded. Anything else
// that is not UTF-8 — Latin-1, UTF-16 without a mark, UTF-32 — is refused with the position of the
// first offending byte and the `iconv` command that converts the file, never replaced silently.
import { readFileSync } from 'node:fs';

/** The decoded text, or a one-line problem that says how to convert the file. */
export type DecodedText = { readonly text: string; readonly problem?: undefined } | { readonly text?: undefined; readonly problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** `line L, column C` (1-based, columns in bytes) of a byte offset. */
function position(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function convertHint(path: string, from: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `convert it to UTF-8, e.g. iconv -f ${from} -t utf-8 ${q(path)} > ${q(`${path}.utf8`)} && mv ${q(`${path}.utf8`)} ${q(path)}`;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, what: string, path: string): DecodedText {
  const body = Buffer.from(bytes.subarray(2));
  if (body.length % 2 !== 0) return { problem: `${what} ${path} has a UTF-16 byte-order mark but an odd number of bytes; ${convertHint(path, littleEndian ? 'utf-16le' : 'utf-16be')}` };
  if (!littleEndian) body.swap16();
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true }).decode(body) };
  } catch {
    return { problem: `${what} ${path} has a UTF-16 byte-order mark but is not valid UTF-16; ${convertHint(path, littleEndian ? 'utf-16le' : 'utf-16be')}` };
  }
}

/**
 * Decodes the bytes of the file `path` (`what` names it in problems, e.g. `codeFile`): UTF-8 (a
 * leading byte-order mark dropped), or UTF-16 LE/BE when the file starts with its byte-order mark.
 */
export function decodeText(bytes: Uint8Array, what: string, path: string): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { problem: `${what} ${path} is UTF-32 text, which IMCO does not take; ${convertHint(path, 'utf-32')}` };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, true, what, path);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, false, what, path);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const byte = `0x${body[bad].toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      problem: `${what} ${path} is not UTF-8 text (byte ${byte} at ${position(body, bad)}; Latin-1 or Windows-1252?) and would reach IMCO mangled; ${convertHint(path, 'latin1')}`,
    };
  }
  const nul = body.indexOf(0);
  if (nul >= 0) {
    return { problem: `${what} ${path} holds NUL bytes (at ${position(body, nul)}): UTF-16 text without a byte-order mark?; ${convertHint(path, 'utf-16le')}` };
  }
  return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
}

/** Reads and decodes a text file. Throws the file system's error when it cannot be read. */
export function readTextFile(path: string, what: string): DecodedText {
  return decodeText(readFileSync(path), what, path);
}
