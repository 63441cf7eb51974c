// A fresh self-signed EC P-256 certificate for go-plugin's AutoMTLS, written as DER here (Node
// has no certificate generator and @peculiar/x509 costs start-up time). Subject and SAN
// `localhost` (Go verifies the server name `localhost` against the handshake certificate), CA,
// server and client auth, valid from 30 s ago for 30 days. The key never leaves the process.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface SelfSignedCert {
  /** DER of the certificate (base64 of it goes into the handshake line). */
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** A DER INTEGER of the unsigned big-endian `bytes`: minimal (no leading zero unless the high bit needs one). */
export function derPositiveInteger(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = Buffer.from(bytes.subarray(start));
  return tlv(0x02, minimal[0] & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}

function utcTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${s}Z`, 'ascii'));
}

function name(cn: string): Buffer {
  const rdn = (type: string, value: string): Buffer => tlv(0x31, seq(oid(type), tlv(0x0c, Buffer.from(value, 'utf8'))));
  return seq(rdn('2.5.4.10', 'imco-cdktf'), rdn('2.5.4.3', cn));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

/** A new key pair and a self-signed certificate for `localhost`. */
export function selfSignedCert(now: Date = new Date()): SelfSignedCert {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serial = randomBytes(16);
  const extensions = seq(
    extension('2.5.29.19', true, seq(tlv(0x01, Buffer.from([0xff])))),
    // digitalSignature, keyEncipherment, keyAgreement, keyCertSign
    extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0xac]))),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from('localhost', 'ascii')))),
  );
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    derPositiveInteger(serial),
    seq(oid(ECDSA_SHA256)),
    name('localhost'),
    seq(utcTime(new Date(now.getTime() - 30_000)), utcTime(new Date(now.getTime() + 30 * 86_400_000))),
    name('localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, seq(oid(ECDSA_SHA256)), tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    der,
    certPem: `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
