#!/bin/sh
# Boot script: installs the monitoring agent with the licence key given as a parameter.
set -eu
echo "installing agent for ${LICENSE_KEY:-unset}"
