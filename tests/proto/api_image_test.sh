#!/bin/bash
# The summit.v1 API against its committed image, proto/summit_v1_image.binpb:
#   1. buf breaking (the FILE rules of buf.yaml) finds no change that would
#      break generated clients: a break fails here unless the image is
#      updated in the same commit (scripts/update_api_image.sh);
#   2. the image is current, so that additions are frozen too;
#   3. the check is not blind: a copy of the protos with one field's type
#      changed must fail it.
# Usage: api_image_test.sh BUF_BIN
set -euo pipefail
buf="$1"
cd "$(dirname "$0")/../.."
image="${PWD}/proto/summit_v1_image.binpb"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

if ! "${buf}" breaking --against "${image}"; then
  echo "FAIL: summit.v1 has a breaking change against ${image}." >&2
  echo "If it is deliberate, run scripts/update_api_image.sh in the same commit." >&2
  exit 1
fi
echo "ok: no breaking change against the committed image"

"${buf}" build --path proto/summit/v1 --exclude-source-info -o "${work}/current.binpb"
if ! cmp -s "${work}/current.binpb" "${image}"; then
  echo "FAIL: ${image} is not the image of today's protos; run" >&2
  echo "scripts/update_api_image.sh and commit it with the change." >&2
  exit 1
fi
echo "ok: the committed image is current"

mkdir "${work}/copy"
cp -r proto buf.yaml "${work}/copy/"
sed -i 's/^  int32 page_size = 1;$/  int64 page_size = 1;/' \
  "${work}/copy/proto/summit/v1/query_service.proto"
if (cd "${work}/copy" && "${buf}" breaking --against "${image}") >"${work}/broken.txt" 2>&1; then
  echo "FAIL: buf breaking accepted page_size changed from int32 to int64" >&2
  exit 1
fi
grep -q 'changed type from "int32" to "int64"' "${work}/broken.txt" || {
  echo "FAIL: buf breaking failed for another reason:" >&2
  cat "${work}/broken.txt" >&2
  exit 1
}
echo "ok: a field's changed type is caught: $(head -1 "${work}/broken.txt")"
