#!/usr/bin/env bash
# Installs what `make test` needs beyond the build tools, all from Debian (tests
# never download a browser of their own): chromium and chromium-driver; and for
# the other engines readers use (tests/e2e/engines.test.mjs), firefox-esr, and
# WebKitGTK's WebKitWebDriver (webkit2gtk-driver, which brings MiniBrowser in
# libwebkit2gtk-4.1-0) with xvfb and xauth for xvfb-run, MiniBrowser having no
# headless mode. Each step runs only when something it installs is missing.
set -eu
cd "$(dirname "$0")/.."

scripts/install-build-tools.sh

updated=""
apt_install() {
    echo "install: apt-get install $*"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    if [ -z "$updated" ]; then
        $sudo apt-get update -qq
        updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
fi

# The paths tests/e2e/engines.mjs runs.
if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] ||
    [ ! -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] ||
    [ ! -x /usr/bin/xvfb-run ] || [ ! -x /usr/bin/xauth ]; then
    apt_install firefox-esr webkit2gtk-driver xvfb xauth
fi
