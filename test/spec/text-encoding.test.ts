// Text read from files for IMCO: UTF-8 passes (its byte-order mark dropped), UTF-16 with a
// byte-order mark is decoded, and every other encoding is refused with the position of the first
// bad byte and the iconv command that converts the file — never replaced by U+FFFD.
import { decodeText, firstInvalidUtf8 } from '../../lib/spec/text-encoding';

const decode = (bytes: number[] | Buffer) => decodeText(Buffer.from(bytes as number[]), 'codeFile', '/s/run.sh');

test('UTF-8 text is returned as is, multi-byte characters included', () => {
  const text = '#!/bin/sh\necho "größe ✓ 🚀"\n';
  expect(decode(Buffer.from(text, 'utf8'))).toEqual({ text });
});

test('a UTF-8 byte-order mark is dropped (the #! line stays first)', () => {
  expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('#!/bin/sh\n')]))).toEqual({ text: '#!/bin/sh\n' });
});

test('UTF-16 LE and BE files with a byte-order mark are decoded', () => {
  const text = '#!/bin/sh\necho "größe 🚀"\r\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  expect(decode(le)).toEqual({ text });
  expect(decode(be)).toEqual({ text });
});

test('Latin-1 bytes are refused with their position and the iconv command', () => {
  const latin1 = Buffer.from('#!/bin/sh\necho "gr\xf6\xdfe"\n', 'latin1');
  expect(decode(latin1)).toEqual({
    problem:
      "codeFile /s/run.sh is not UTF-8 text (byte 0xF6 at line 2, column 9; Latin-1 or Windows-1252?) and would reach IMCO mangled; " +
      "convert it to UTF-8, e.g. iconv -f latin1 -t utf-8 '/s/run.sh' > '/s/run.sh.utf8' && mv '/s/run.sh.utf8' '/s/run.sh'",
  });
});

test('UTF-16 without a byte-order mark, UTF-32 and broken UTF-16 are refused', () => {
  expect(decode(Buffer.from('echo hi\n', 'utf16le')).problem).toMatch(/holds NUL bytes .*iconv -f utf-16le -t utf-8/);
  expect(decode([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]).problem).toMatch(/is UTF-32 text.*iconv -f utf-32 -t utf-8/);
  expect(decode([0xff, 0xfe, 0x41]).problem).toMatch(/odd number of bytes.*iconv -f utf-16le/);
  expect(decode([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]).problem).toMatch(/not valid UTF-16.*iconv -f utf-16le/);
});

test('the UTF-8 check catches truncated sequences, overlongs, surrogates and code points past U+10FFFF', () => {
  expect(firstInvalidUtf8(Buffer.from('ok ✓', 'utf8'))).toBe(-1);
  expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x9c]))).toBe(1); // truncated
  expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong '/'
  expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0); // overlong
  expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // U+D800
  expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
  expect(firstInvalidUtf8(Buffer.from([0x80]))).toBe(0); // lone continuation byte
});
