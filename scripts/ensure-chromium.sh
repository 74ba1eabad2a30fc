#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (Playwright cannot download its own here).
# Install it when it is missing and we may; otherwise say what to do.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing Debian's Chromium for the end-to-end tests..."
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "The end-to-end tests need Chromium: run 'sudo apt-get install chromium'," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
exit 1
