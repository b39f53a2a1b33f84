#!/bin/bash
# Rebuilds proto/summit_v1_image.binpb, the frozen image of the summit.v1
# API that tests/proto/api_image_test.sh checks every change against. Run it
# in the commit that changes the API on purpose; for a breaking change, say
# in that commit why existing clients may break.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/node_modules/.bin/buf build --path proto/summit/v1 --exclude-source-info \
  -o proto/summit_v1_image.binpb
echo "wrote proto/summit_v1_image.binpb"
