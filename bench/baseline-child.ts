// Child process of the apply baseline: the creates `imco-bridge create` minimally must make for N
// firewall profiles — the ownership label, then the profile carrying its id in `label_ids` — issued
// in-process by one ImcoClient with a fixed concurrency. Job JSON in argv[2]; prints one JSON line.
import { readFileSync } from 'node:fs';
import { ownerLabelName } from '../lib/spec/identity';
import { OWNER_NAMESPACE } from '../lib/spec/spec';
import { ImcoClient } from '../lib/client';
import type { BenchTarget } from './emulators';

export interface BaselineJob {
  readonly target: BenchTarget;
  readonly count: number;
  readonly concurrency: number;
  /** Stack name for the labels and profile names (unique per run). */
  readonly stack: string;
}

export interface BaselineReport {
  readonly seconds: number;
  readonly requests: number;
  readonly created: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as BaselineJob;
  let requests = 0;
  const client = new ImcoClient({
    endpoint: job.target.endpoint,
    caCertPath: job.target.caCert,
    clientCertPath: job.target.clientCert,
    clientKeyPath: job.target.clientKey,
    onRequest: () => requests++,
  });
  let next = 0;
  let created = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < job.count; i = next++) {
      const label = await client.create<{ id: string }>('label', { name: ownerLabelName(job.stack, `fw-${i}`), namespace: OWNER_NAMESPACE });
      await client.create('firewall_profile', {
        name: `${job.stack}-fw-${i}`,
        description: '',
        rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
        label_ids: [label.id],
      });
      created++;
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  client.close();
  const report: BaselineReport = { seconds, requests, created };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`baseline: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
