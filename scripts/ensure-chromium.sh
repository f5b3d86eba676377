#!/bin/sh
# Install Debian's headless-capable Chromium for the browser tests and bench/bench_views.py.
# Idempotent: does nothing when /usr/bin/chromium already exists. Needs root (or sudo) for apt-get.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
/usr/bin/chromium --version
