#!/bin/sh
# Operational script: rotates the web server's logs on demand.
logrotate -f /etc/logrotate.d/nginx
