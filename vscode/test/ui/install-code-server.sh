#!/usr/bin/env bash
# Installs code-server 4.100.3 (Node 20) into vscode/test/ui/node_modules from the npm registry,
# offline apart from npm and apt:
# - its native modules build with node-gyp: build-essential, pkg-config, python3, libkrb5-dev
#   (kerberos), libsecret-1-dev, libx11-dev and libxkbfile-dev;
# - @vscode/ripgrep's postinstall downloads rg from GitHub; Debian's ripgrep is put in the cache
#   it looks in first, so nothing is fetched from outside the registries.
set -euo pipefail
cd "$(dirname "$0")"
if [ -x node_modules/code-server/out/node/entry.js ] || [ -f node_modules/code-server/out/node/entry.js ]; then
  echo "code-server already installed"; exit 0
fi
apt_packages=(build-essential pkg-config python3 libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev ripgrep)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "install-code-server: need root to apt-get install ${missing[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
asset="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$asset" ]; then
  mkdir -p "$cache" && work=$(mktemp -d) && cp "$(command -v rg)" "$work/rg" && tar czf "$asset.tmp" -C "$work" rg && mv "$asset.tmp" "$asset" && rm -rf "$work"
fi
# npm_config_yes: node-pty's postinstall runs "npx node-gyp", which must not wait for a prompt.
npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund
