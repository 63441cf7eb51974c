// Unit tests of the imco-emulator flags.
import { parseCliArgs, UsageError } from '../../lib/emulator/cli-args';

it('parses every flag, in both --flag value and --flag=value forms', () => {
  expect(
    parseCliArgs(['--dir', '/tmp/x', '--port=0', '--host', '0.0.0.0', '--tick-ms', '5', '--latency-ms=20', '--faults', '503:0.1', '--seed', '9', '--no-journal']),
  ).toEqual({ dir: '/tmp/x', port: 0, host: '0.0.0.0', tickMs: 5, latencyMs: 20, faults: '503:0.1', seed: 9, journal: false });
  expect(parseCliArgs(['--help'])).toBe('help');
});

it.each([
  [['--port', '0'], /--dir is missing/],
  [['--dir', 'd', '--port', 'abc'], /--port is 'abc'; use a whole number from 0 to 65535/],
  [['--dir', 'd', '--port', '70000'], /--port/],
  [['--dir', 'd', '--tick-ms', '0'], /--tick-ms is '0'/],
  [['--dir', 'd', '--faults', '404:1'], /--faults: fault kind '404' is unknown/],
  [['--dir', 'd', '--bogus'], /unknown flag '--bogus'/],
  [['--dir'], /--dir needs a value/],
  [['--dir', '--port', '0'], /--dir needs a value/],
])('refuses %j', (argv, message) => {
  expect(() => parseCliArgs(argv)).toThrow(UsageError);
  expect(() => parseCliArgs(argv)).toThrow(message);
});
