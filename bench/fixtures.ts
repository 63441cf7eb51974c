// Files the benchmark stacks read at synth: one cookbook directory per unit of the mixed stack, a
// script attachment, an SSH private key file; the secret environment variables they reference; and
// where a synthesized stack lands. Free of cdktf, so the benchmark's parent process stays light.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variables holding the benchmark's (fake) secrets, read at synth and at apply. */
export const BENCH_SECRET_ENV: Readonly<Record<string, string>> = {
  BENCH_VPN_PSK: 'bench-psk-0123456789',
  BENCH_SAAS_0: JSON.stringify({ license_key: 'bench-license' }),
  BENCH_SAAS_1: JSON.stringify({ api_key: 'bench-api', application_key: 'bench-app' }),
  BENCH_SAAS_2: JSON.stringify({ customer_token: 'bench-token' }),
};

/** Most units a mixed stack may have (VPC CIDRs are 10.<unit>.0.0/16). */
export const MAX_UNITS = 250;

export function cookbookDir(work: string, unit: number): string {
  return join(work, 'cookbooks', `cb${unit}`);
}

/** Writes the files under `work` for up to `units` units. */
export function prepareFixtures(work: string, units: number): void {
  for (let u = 0; u < units; u++) {
    const dir = cookbookDir(work, u);
    mkdirSync(join(dir, 'recipes'), { recursive: true });
    writeFileSync(join(dir, 'metadata.rb'), `name 'cb${u}'\nversion '1.0.${u}'\ndescription 'benchmark cookbook ${u}'\n`);
    writeFileSync(join(dir, 'recipes', 'default.rb'), `package 'nginx'\n# unit ${u}\n`);
  }
  writeFileSync(join(work, 'motd.txt'), 'welcome to the benchmark\n');
  writeFileSync(
    join(work, 'id_bench'),
    // A placeholder with a random body (not key material): the benchmark only needs a secret file.
    `-----BEGIN ${'OPENSSH PRIVATE KEY'}-----\n${randomBytes(36).toString('base64')}\n-----END ${'OPENSSH PRIVATE KEY'}-----\n`,
    { mode: 0o600 },
  );
}

/** Directory with a synthesized stack's cdk.tf.json (and its local state). */
export function stackDirOf(job: { readonly outdir: string; readonly stackName: string }): string {
  return join(job.outdir, 'stacks', job.stackName);
}
