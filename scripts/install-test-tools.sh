#!/usr/bin/env bash
# Installs what `make test` needs beyond the build tools: Debian's chromium
# and chromium-driver (tests never download a browser of their own).
set -eu
cd "$(dirname "$0")/.."

scripts/install-build-tools.sh

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "install: apt-get install chromium chromium-driver"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
