#!/bin/sh
# Operational script: takes the server out of the load balancer before maintenance.
set -eu
touch /var/run/api.drain
