#!/usr/bin/env bash
# Online backups of a database of about 1M trade rows (bench/gen_comtrade.py
# --size small, cached under $SUMMIT_BENCH_DATA like run_all.sh's), taken
# through a running summit_ingest, beside the anchor an operator has without
# them, measured in the same run: a tar of the database directory (which
# needs the writer stopped to be consistent). Prints the seconds of a full
# backup, an incremental one after 10,000 more rows, a checksum verify, a
# restore into a new directory and its fsck, and the tar.
# Usage: bench/run_backup_bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=build/default
[[ -f "${bin}/build.ninja" ]] || cmake --preset default >/dev/null
cmake --build --preset default --target summit_ingest summitctl >/dev/null
source bench/start_service.sh

data="${SUMMIT_BENCH_DATA:-/tmp/summit-bench-data}"
csv="${data}/comtrade_small.csv"
if [[ ! -s "${csv}" ]]; then
  mkdir -p "${data}"
  python3 bench/gen_comtrade.py --size small --out "${csv}.part" 2>/dev/null
  mv "${csv}.part" "${csv}"
fi
start ingest "${bin}/ingest_service/summit_ingest" --db_path="${work}/db" \
  --backup_dir="${work}/backups"
addr="127.0.0.1:${port}"
"${bin}/tools/summitctl" load-trade --ingest_addr="${addr}" "${csv}" | tail -1

# Seconds `"$@"` takes, its output to ${work}/last.log.
seconds() {
  local begin end
  begin=$(date +%s.%N)
  "$@" >"${work}/last.log" 2>&1 || { cat "${work}/last.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v b="${begin}" -v e="${end}" 'BEGIN { printf "%.2f", e - b }'
}

full=$(seconds "${bin}/tools/summitctl" backup --ingest_addr="${addr}")
full_line="$(cat "${work}/last.log")"
# 10,000 more rows: the first 10,000 of the file with the year moved on.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; print; next }
  { for (i = 1; i <= NF; i++) if (h[i] == "refYear") $i += 40; print }' OFS=, \
  <(head -10001 "${csv}") >"${work}/more.csv"
"${bin}/tools/summitctl" load-trade --ingest_addr="${addr}" "${work}/more.csv" | tail -1
incremental=$(seconds "${bin}/tools/summitctl" backup --ingest_addr="${addr}")
incremental_line="$(cat "${work}/last.log")"
verify=$(seconds "${bin}/tools/summitctl" backup --verify --to="${work}/backups")
restore=$(seconds "${bin}/tools/summitctl" restore --from="${work}/backups" \
  --db="${work}/restored")
fsck=$(seconds "${bin}/tools/summitctl" fsck --db="${work}/restored")
fsck_line="$(tail -1 "${work}/last.log")"
tar=$(seconds tar -C "${work}" -cf "${work}/db.tar" db)

echo
echo "database: $(du -sb "${work}/db" | cut -f1) bytes; ${fsck_line}"
printf '%-44s %8s s   %s\n' "backup, full (AdminService.CreateBackup)" "${full}" "${full_line}"
printf '%-44s %8s s   %s\n' "backup, incremental after 10,000 rows" "${incremental}" \
  "${incremental_line}"
printf '%-44s %8s s\n' "backup --verify (both, every checksum)" "${verify}"
printf '%-44s %8s s\n' "restore (latest) into a new directory" "${restore}"
printf '%-44s %8s s\n' "fsck of the restored database" "${fsck}"
printf '%-44s %8s s\n' "anchor: tar of the database directory" "${tar}"
