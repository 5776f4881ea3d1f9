#!/usr/bin/env bash
# One-command set-up on Debian/Ubuntu: system packages, npm packages (without the downloads that
# cannot work offline), and everything generated (models, card fixtures). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="pcscd libpcsclite-dev vsmartcard-vpcd pcsc-tools chromium fonts-noto-cjk ffmpeg libopenjp2-tools xvfb imagemagick"

missing=()
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "These Debian packages are missing: ${missing[*]}"
    echo "Run as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    echo "then run this set-up again."
    exit 1
  fi
  echo "== installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

echo "== installing npm packages"
# The Electron binary and onnxruntime's CUDA add-on are downloads from outside the npm registry;
# the browser host needs neither, and onnxruntime-node ships its CPU binaries in the package.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export ONNXRUNTIME_NODE_INSTALL=skip
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

echo "== building generated files"
for step in build:models build:card-fixtures build:fixtures; do
  npm run --if-present "$step"
done

echo "== set-up complete: 'npm start' runs the kiosk, 'npm test' runs the suite"
