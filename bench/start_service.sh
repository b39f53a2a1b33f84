# Sourced by the bench scripts, after they cd to the repository root: a
# scratch directory ${work} and the services' pids ${pids}, stopped (last
# started first: a follower before the database it follows) and removed on
# exit; and start NAME COMMAND..., which starts a summit service on an
# ephemeral loopback port and waits (up to 30 s) until its health is
# SERVING, sets ${port} and appends its pid to ${pids}. The caller defines
# ${bin} (the build directory).
work="$(mktemp -d)"
pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "${work}"
}
trap cleanup EXIT

start() {
  local name="$1"
  shift
  "$@" --listen=127.0.0.1:0 --port_file="${work}/${name}.port" >"${work}/${name}.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 300); do
    port="$(cat "${work}/${name}.port" 2>/dev/null || true)"
    if [[ -n "${port}" ]] &&
      "${bin}/tools/summitctl" health --addr="127.0.0.1:${port}" --timeout=1s >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "${name} did not start; its log follows:" >&2
  cat "${work}/${name}.log" >&2
  return 1
}
