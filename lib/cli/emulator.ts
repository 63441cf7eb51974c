// `imco-emulator` command: parses flags, starts the emulator, prints exactly one JSON line with the
// endpoint and credential paths to stdout (diagnostics go to stderr), and stops cleanly on
// SIGINT/SIGTERM (state persisted). Exit codes: 0 stopped, 1 could not start, 2 bad flags.
import { parseCliArgs, USAGE, UsageError } from '../emulator/cli-args';
import { startEmulator } from '../emulator';

async function main(argv: readonly string[]): Promise<void> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`imco-emulator: ${err.message}\n`);
    process.exit(2);
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator(parsed);
  } catch (err) {
    process.stderr.write(`imco-emulator: cannot start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const { endpoint, caCert, clientCert, clientKey, clientXml } = running;
  process.stdout.write(`${JSON.stringify({ endpoint, caCert, clientCert, clientKey, clientXml })}\n`);
  process.stderr.write(`imco-emulator: serving ${endpoint} from ${running.dir}; stop with Ctrl-C\n`);

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) {
      process.stderr.write(`imco-emulator: ${signal} again, exiting without waiting\n`);
      process.exit(130);
    }
    process.stderr.write(`imco-emulator: ${signal} received, saving state and stopping\n`);
    running.stop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`imco-emulator: stop failed: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`imco-emulator: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
