// What `npm start` shows of `terraform apply` when not --verbose: one line per completed resource
// (`[3/20] created imco_vpc.vpc (vpc shop) in 1s`), Terraform's "still creating" notes, and its
// final "Apply complete!" / "Destroy complete!" line. Everything else of the apply (the per-resource
// "Creating..." lines, outputs) stays out; errors come on Terraform's stderr, which is always shown.
import type { PlannedChange } from './plan-summary';

const COMPLETE = /^(\S+): (Creation|Modifications|Destruction) complete after (\S+)/;
const STILL = /^(\S+): Still (creating|modifying|destroying)\.\.\. \[(\S+) elapsed\]/;
const DONE = /^(Apply|Destroy) complete! /;
const VERB: Record<string, string> = { Creation: 'created', Modifications: 'updated', Destruction: 'deleted' };

/** A filter for apply's stdout lines: the line to show, or undefined to keep it out. */
export function applyProgress(changes: readonly PlannedChange[]): (line: string) => string | undefined {
  const destroying = changes.length > 0 && changes.every((c) => c.symbol === '-');
  const byAddress = new Map(changes.map((c) => [c.address, c]));
  // A replacement completes twice (destroy, then create).
  const total = changes.reduce((n, c) => n + (c.symbol === '-/+' ? 2 : c.symbol === '->' ? 0 : 1), 0);
  let done = 0;
  const label = (address: string) => {
    const c = byAddress.get(address);
    return c ? `${address} (${c.kind} ${c.name})` : address;
  };
  return (line) => {
    const text = line.trim();
    const complete = COMPLETE.exec(text);
    if (complete) {
      done += 1;
      return `  [${done}/${Math.max(total, done)}] ${VERB[complete[2]]} ${label(complete[1])} in ${complete[3]}`;
    }
    const still = STILL.exec(text);
    if (still) return `  … ${label(still[1])}: still ${still[2]} (${still[3]})`;
    if (DONE.test(text)) {
      // A saved destroy plan ends with "Apply complete! … N destroyed."; say it as `terraform destroy` does.
      const destroyed = destroying ? /^Apply complete! Resources: 0 added, 0 changed, (\d+) destroyed\./.exec(text) : null;
      return destroyed ? `Destroy complete! Resources: ${destroyed[1]} destroyed.` : text;
    }
    return undefined;
  };
}

/** What `npm start` shows of `terraform init` when not --verbose: the providers it installed. */
export function initProgress(line: string): string | undefined {
  const installed = /- Installed (\S+) (v\S+)/.exec(line);
  return installed ? `  init: installed ${installed[1]} ${installed[2]}` : undefined;
}
