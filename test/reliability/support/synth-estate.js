// Child-process program of support/estate.ts: synthesizes the ExampleEstate of the run's copy of
// dist/main.js (IMCO_ESTATE_MAIN) as stack IMCO_STACK in flavour IMCO_ESTATE_FLAVOUR, with that
// copy's cdktf. Every validation problem fails the synth.
const { createRequire } = require('node:module');

const main = process.env.IMCO_ESTATE_MAIN;
const stackName = process.env.IMCO_STACK;
const { App } = createRequire(main)('cdktf');
const { ExampleEstate } = require(main);

const app = new App({ skipValidation: true });
new ExampleEstate(app, stackName, { flavour: process.env.IMCO_ESTATE_FLAVOUR });
const problems = app.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
if (problems.length > 0) {
  process.stderr.write(`synth of ${stackName}: validation failed:\n${problems.join('\n')}\n`);
  process.exit(1);
}
app.synth();
