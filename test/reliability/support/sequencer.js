// Runs the reliability suites in file-name order (01-faults … 99-secrets): the secret scan must come
// last, because it reads everything the other suites wrote into the run directory.
const Sequencer = require('@jest/test-sequencer').default;

class ByName extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

module.exports = ByName;
