// Build steps of terraform-provider-imco, used by scripts/build.js and by tests:
// - compileDescriptors(): lib/provider/protocol/*.proto → tfplugin6.json (protobufjs' full parser,
//   at build time only; the provider loads the JSON with protobufjs/light);
// - bundleProvider(entry, outfile): one self-contained executable file (esbuild; `#!/usr/bin/env node`,
//   exec bit), so a filesystem mirror holds a single file whose hash does not depend on node_modules.
//   The bundle is the payload of scripts/provider-loader.js, which compiles it with V8's code cache
//   (`{ codeCache: false }` writes the bare bundle instead, for A/B measurements).
const { createHash } = require('node:crypto');
const { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const protocolDir = join(root, 'lib', 'provider', 'protocol');
const PROTOS = ['tfplugin6.proto', 'go-plugin.proto'].map((f) => join(protocolDir, f));
const DESCRIPTOR = join(protocolDir, 'tfplugin6.json');

/** Writes the JSON descriptor when it is missing or older than a .proto. Returns true when written. */
function compileDescriptors(force = false) {
  const built = existsSync(DESCRIPTOR) ? statSync(DESCRIPTOR).mtimeMs : 0;
  if (!force && PROTOS.every((p) => statSync(p).mtimeMs <= built)) return false;
  const protobuf = require('protobufjs');
  const rootNs = new protobuf.Root();
  rootNs.loadSync(PROTOS, { keepCase: true });
  rootNs.resolveAll();
  writeFileSync(DESCRIPTOR, `${JSON.stringify(rootNs.toJSON(), null, 1)}\n`);
  return true;
}

const BANNER = '#!/usr/bin/env node\n// terraform-provider-imco: a Terraform plugin (started by Terraform, not by hand). Bundled by scripts/build.js.\n';
const LOADER = join(__dirname, 'provider-loader.js');

/** The loader with `bundle` as its payload: a CommonJS module function in a string literal, and its hash. */
function withLoader(bundle) {
  const payload = `(function (exports, require, module, __filename, __dirname) {${bundle}\n})`;
  const id = createHash('sha256').update(payload).digest('hex').slice(0, 20);
  const loader = readFileSync(LOADER, 'utf8');
  const call = '})(PAYLOAD, PAYLOAD_ID);';
  if (!loader.includes(call)) throw new Error(`${LOADER} no longer ends with ${call}`);
  return loader.replace(call, () => `})(${JSON.stringify(payload)}, ${JSON.stringify(id)});`);
}

/** Bundles `entry` (a .ts file that calls serve(...)) into `outfile`, executable. */
async function bundleProvider(entry, outfile, { codeCache = true } = {}) {
  const esbuild = require('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  const bundle = built.outputFiles[0].text;
  writeFileSync(outfile, BANNER + (codeCache ? withLoader(bundle) : bundle));
  chmodSync(outfile, 0o755);
}

module.exports = { compileDescriptors, bundleProvider, DESCRIPTOR };
