#!/bin/sh
# imco-bridge as Terraform provisioners run it: hands the command to the bridge server of this
# Terraform run (lib/cli/bridge-server.ts; the first provisioner starts it), so that a provisioner
# costs a few forks instead of a Node start. Anything else — another command, no /proc,
# IMCO_BRIDGE_SERVER=0, a run directory that is not ours, a server that cannot start — runs
# `node imco-bridge.js` directly, which does exactly the same work in a process of its own.
js="${0%/*}/imco-bridge.js"
direct() { exec node "$js" "$@"; }
# A live process (not a zombie: a killed server nobody has reaped yet still answers kill -0).
alive() {
  { read -r s < "/proc/$1/stat"; } 2>/dev/null || return 1
  case ${s##*\) } in Z*|X*) return 1 ;; esac
}

# The construct path from the spec's `"path":"…"` (a JSON string: up to the first quote not escaped by
# a backslash, then `\"` and `\\` undone) into $path as ` <path>:`; empty when the spec has none.
# No fork: this runs on the shortcut below, whose point is to cost next to nothing.
spec_path() {
  path=
  case ${IMCO_BRIDGE_SPEC-} in *'"path":"'*) ;; *) return 0 ;; esac
  rest=${IMCO_BRIDGE_SPEC#*\"path\":\"} raw=
  while :; do
    case $rest in *\"*) ;; *) return 0 ;; esac
    chunk=${rest%%\"*} rest=${rest#*\"}
    raw=$raw$chunk
    slashes=${chunk##*[!\\]}
    [ $(( ${#slashes} % 2 )) -eq 1 ] || break
    raw=$raw\"
  done
  out=
  while :; do
    case $raw in *\\*) ;; *) out=$out$raw; break ;; esac
    out=$out${raw%%\\*} raw=${raw#*\\}
    out=$out${raw%"${raw#?}"} raw=${raw#?}
  done
  path=" $out:"
}

case "${1-}" in
  create|update|delete|action|prune|prune-record|sweep) ;;
  *) direct "$@" ;;
esac
[ "$#" -eq 1 ] || direct "$@"
[ "${IMCO_BRIDGE_SERVER-1}" != 0 ] || direct "$@"
verb=$1
set -f

# The Terraform process: our parent, or the parent's parent when the parent is the provisioner's shell.
tf=$PPID
{ read -r st < "/proc/$tf/stat"; } 2>/dev/null || direct "$verb"
comm=${st#*\(}; comm=${comm%\)*}
case $comm in
  sh|dash|bash|zsh|ash|busybox)
    set -- ${st##*\) }; tf=$2
    { read -r st < "/proc/$tf/stat"; } 2>/dev/null || direct "$verb" ;;
esac
set -- ${st##*\) }
start=${20-}
[ -n "$start" ] || direct "$verb"

# A `_sync` update right after this run created the object: the create converged it to this very
# spec (its run marker holds this run's id; lib/handlers/run-marker.ts), so there is nothing to do and
# no server to ask. Any other marker (another run's, a failed create's) goes to the server.
if [ "$verb" = update ]; then
  case ${IMCO_BRIDGE_TF_ID-} in
    '' | *[!A-Za-z0-9-]*) ;;
    *)
      markers=${IMCO_BRIDGE_MARKERS:-${TMPDIR:-/tmp}/imco-bridge-markers}
      mark=
      if [ -O "$markers" ] && { read -r mark < "$markers/$IMCO_BRIDGE_TF_ID" || [ -n "$mark" ]; } 2>/dev/null && [ "$mark" = "$tf:$start" ]; then
        spec_path
        echo "imco-bridge:$path created and converged by this apply; nothing to update"
        exit 0
      fi ;;
  esac
fi

# Private run directories: $IMCO_BRIDGE_RUNTIME, else $XDG_RUNTIME_DIR, else $TMPDIR or /tmp per user.
if [ -n "${IMCO_BRIDGE_RUNTIME-}" ]; then base=$IMCO_BRIDGE_RUNTIME
elif [ -n "${XDG_RUNTIME_DIR-}" ] && [ -d "$XDG_RUNTIME_DIR" ] && [ -O "$XDG_RUNTIME_DIR" ]; then base=$XDG_RUNTIME_DIR/imco-bridge
else
  uid=
  while read -r key value _; do
    if [ "$key" = Uid: ]; then uid=$value; break; fi
  done < "/proc/$$/status"
  [ -n "$uid" ] || direct "$verb"
  base=${TMPDIR:-/tmp}/imco-bridge-$uid
fi
run=$base/$tf-$start

if [ ! -p "$run/requests" ]; then
  # The run's first command (or one racing it): the base must be ours and closed to others, who
  # could otherwise swap a run directory for their own and read the environments sent to it.
  mkdir -p "${base%/*}" 2>/dev/null
  mkdir -m 700 "$base" 2>/dev/null
  [ -d "$base" ] && [ -O "$base" ] || direct "$verb"
  case $(ls -ld "$base") in drwx------*) ;; *) direct "$verb" ;; esac
  if mkdir -m 700 "$run" 2>/dev/null; then
    node "$js" serve "$run" </dev/null >/dev/null 2>&1 &
  fi
  i=0
  while [ ! -p "$run/requests" ]; do
    [ ! -f "$run/failed" ] || direct "$verb"
    i=$((i + 1))
    [ "$i" -le 1500 ] || direct "$verb"
    sleep 0.01
  done
fi
[ -O "$base" ] && [ -O "$run" ] || direct "$verb"
{ read -r server < "$run/pid"; } 2>/dev/null && alive "$server" || direct "$verb"

# The request: FIFOs named after this client (the server unlinks them once used; the run directory
# goes with the server).
req=$run/r$$
mkfifo -m 600 "$req.in" "$req.out" 2>/dev/null || direct "$verb"
# Should the server stop before it answers, unblock the FIFOs so that this client goes on (below).
( while alive "$server"; do sleep 1; done
  command exec 3<>"$run/requests" 2>/dev/null
  command exec 4<>"$req.in" 2>/dev/null
  : > "$req.out" ) </dev/null >/dev/null 2>&1 &
watchdog=$!
printf 'r%s\n' "$$" > "$run/requests"
# The server reads this shell's environment (the provisioner's) from /proc, no fork to send it; our
# start time tells it that the process it reads is still this one.
{ read -r me < "/proc/$$/stat"; } 2>/dev/null || direct "$verb"
set -- ${me##*\) }
printf '%s\n%s\n%s\n\0' "$verb" "$PWD" "${20-}" > "$req.in"
while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done < "$req.out"
kill "$watchdog" 2>/dev/null
rc=
{ read -r rc < "$req.rc"; } 2>/dev/null
if [ -z "$rc" ]; then
  if ! alive "$server"; then
    # The server died before it answered (killed, out of memory). The handlers are idempotent and
    # safe to run again after a crash, so this command runs again in a process of its own.
    echo "imco-bridge: the bridge server (pid $server) stopped before it answered; running this command in a process of its own" >&2
    direct "$verb"
  fi
  echo "imco-bridge $verb: the bridge server (pid $server) gave no exit code; run terraform apply again (IMCO_BRIDGE_SERVER=0 runs every command in a process of its own)" >&2
  exit 1
fi
exit "$rc"
