// Builds small ustar archives (optionally gzipped) in memory for cookbook upload tests.
import { gzipSync } from 'node:zlib';

function header(name: string, size: number, type = '0'): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 100), 0, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(size.toString(8).padStart(11, '0') + '\0', 124);
  block.write('00000000000\0', 136);
  block.write('        ', 148);
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return block;
}

export function tar(files: Record<string, string | Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    parts.push(header(name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function tarGz(files: Record<string, string | Buffer>): Buffer {
  return gzipSync(tar(files));
}

/** A minimal Chef cookbook archive with metadata.rb and two recipes. */
export function cookbookArchive(name = 'webserver', version = '1.2.3'): Buffer {
  return tarGz({
    [`${name}/metadata.rb`]: `name '${name}'\nmaintainer 'ops'\ndescription 'Installs a ${name}'\nversion '${version}'\n`,
    [`${name}/recipes/default.rb`]: "package 'nginx'\n",
    [`${name}/recipes/config.rb`]: "template '/etc/nginx/nginx.conf'\n",
    [`${name}/README.md`]: `# ${name}\n`,
  });
}
