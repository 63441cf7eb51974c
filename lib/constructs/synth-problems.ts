// Synth validation as a person reads it once (issue 17): every problem of the whole app — all
// stacks, all constructs — listed together, one line each, `<construct path>: <problem and fix>`,
// instead of cdktf's first failing stack with a stack trace and its "skipValidation" hint. Hooked
// into `app.synth()` by the first IMCO construct of an app; an app built with `skipValidation`
// is left alone. When nothing catches the error (`node main.js`, `cdktf synth`), the program prints
// the list without a stack trace and exits 1; code that catches it (tests) gets an ordinary Error.
import { App } from 'cdktf';
import type { IConstruct } from 'constructs';

/** One validation problem and the construct it belongs to. */
export interface SynthProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown by `app.synth()` when the app has problems: the message lists every one. */
export class SynthProblems extends Error {
  constructor(readonly problems: readonly SynthProblem[]) {
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
    super(`synth found ${problems.length} problem${problems.length === 1 ? '' : 's'} in the app; fix ${problems.length === 1 ? 'it' : 'them'} and synthesize again:\n${lines.join('\n')}`);
    this.name = 'SynthProblems';
  }
}

/**
 * A problem text without the `<Title> '<relative path>': ` the IMCO constructs begin theirs with,
 * when the line already starts with that construct's path.
 */
function withoutOwnPrefix(path: string, message: string): string {
  const own = /^[A-Za-z][\w ]* '([^']+)': /.exec(message);
  return own && (path === own[1] || path.endsWith(`/${own[1]}`)) ? message.slice(own[0].length) : message;
}

/** Every validation problem under `root`, with the path of the construct it belongs to. */
export function problemsOf(root: IConstruct): SynthProblem[] {
  const seen = new Set<string>();
  const out: SynthProblem[] = [];
  for (const c of root.node.findAll()) {
    for (const raw of c.node.validate()) {
      const path = c.node.path || '(app)';
      const problem = { path, message: withoutOwnPrefix(path, raw) };
      const key = `${problem.path}\n${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(problem);
    }
  }
  return out;
}

const hooked = new WeakSet<App>();
let uncaughtReporter: ((err: unknown) => void) | undefined;

/** Until the next turn of the event loop: an uncaught SynthProblems is printed without a trace, exit 1. */
function reportIfUncaught(): void {
  if (uncaughtReporter) return;
  const reporter = (err: unknown) => {
    if (err instanceof SynthProblems) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    // Not ours: what Node does without a listener (unless another listener handles it).
    if (process.listenerCount('uncaughtException') === 1) {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    }
  };
  uncaughtReporter = reporter;
  process.on('uncaughtException', reporter);
  setTimeout(() => {
    process.removeListener('uncaughtException', reporter);
    uncaughtReporter = undefined;
  }, 0).unref();
}

/** Makes `app.synth()` check the whole app first and report every problem at once. */
export function listProblemsAtSynth(scope: IConstruct): void {
  const app = scope.node.root;
  if (!App.isApp(app) || hooked.has(app)) return;
  hooked.add(app);
  const synth = app.synth.bind(app);
  app.synth = () => {
    if (!app.skipValidation) {
      const problems = problemsOf(app);
      if (problems.length > 0) {
        reportIfUncaught();
        throw new SynthProblems(problems);
      }
    }
    synth();
  };
}
