#!/bin/sh
# Boot script: registers the server with the service registry named by a parameter.
set -eu
echo "registering $(hostname) with ${REGISTRY_URL:-unset} (environment ${ENVIRONMENT:-unset})"
