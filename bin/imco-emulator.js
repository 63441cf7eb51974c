#!/usr/bin/env node
require('../dist/lib/cli/emulator.js');
