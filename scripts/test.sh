#!/usr/bin/env bash
# Runs the whole test suite (the CLI tests use the built binary).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product swiftchart
swift test
