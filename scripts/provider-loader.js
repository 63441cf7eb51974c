// (ASCII only: one non-ASCII character makes Node read the whole 0.6 MB file as UTF-16.)
// The outer part of dist/provider/terraform-provider-imco.js (scripts/provider-build.js fills in
// PAYLOAD, the esbuild bundle wrapped as a CommonJS function, and PAYLOAD_ID, its hash). Terraform
// starts the provider 3 to 5 times per command, and compiling the 0.6 MB bundle is a good part of each
// start: the payload is compiled with V8's code cache, kept in a private per-user directory
// ($XDG_CACHE_HOME or ~/.cache, `imco-cdktf/`, mode 0700, owned by this user, else not used). The
// first start without a usable cache writes one at exit, with the functions it ran compiled.
// The cache holds compiled code of this file only, never data. IMCO_PROVIDER_CODE_CACHE=0 turns it off.
/* global PAYLOAD, PAYLOAD_ID */
'use strict';
(function loadProvider(payload, payloadId) {
  const vm = require('node:vm');
  const fs = require('node:fs');
  const path = require('node:path');
  let cacheFile;
  if (process.env.IMCO_PROVIDER_CODE_CACHE !== '0') {
    try {
      const dir = path.join(process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache'), 'imco-cdktf');
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const st = fs.statSync(dir);
      // Another user's or a group/world-writable directory could hold planted code: not used.
      if (st.uid === process.getuid() && (st.mode & 0o022) === 0) {
        cacheFile = path.join(dir, `terraform-provider-imco-${payloadId}-${process.version}-${process.arch}.v8cache`);
      }
    } catch {
      // no writable home: start without a cache
    }
  }
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // first start of this version
    }
  }
  // A fixed name: a script compiled from a code cache keeps the name it had when the cache was
  // made, so the path of whichever copy wrote it would show in stack traces.
  const script = new vm.Script(payload, { filename: 'terraform-provider-imco.js', cachedData });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
      } catch {
        // best effort: the next start compiles again
      }
    });
  }
  script.runInThisContext()(exports, require, module, __filename, __dirname);
})(PAYLOAD, PAYLOAD_ID);
