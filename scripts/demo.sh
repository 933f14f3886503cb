#!/usr/bin/env bash
# Builds swiftchart and renders the example chart with production values.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product swiftchart
.build/debug/swiftchart template web Charts/webapp -f Charts/webapp/values-prod.yaml --kube-version v1.31.0
