# Shared helpers of the isobench scripts: sourced, not run. The scripts stay thin; the logic is in Java.

# The repository root.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The launcher jar and the benchmarks jar it runs in every environment.
LAUNCHER_JAR="$ROOT/target/isobench.jar"
BENCHMARKS_JAR="$ROOT/target/benchmarks.jar"
# How long to wait for a freshly started Docker engine to answer, in seconds.
DOCKER_WAIT_SECONDS=60
# Where isobench keeps what it starts as root, the engine's configuration and its log: a root-owned 0700 directory,
# never a predictable path in /tmp (a symlink planted there would make root write wherever it points).
STATE_DIR=/var/lib/isobench

# Testcontainers: Ryuk's image cannot be pulled where no registry is reachable, and the launcher removes what it
# made itself; /.dockerenv on some hosts makes Testcontainers look for a gateway it does not need.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"

say() { printf 'isobench: %s\n' "$*" >&2; }
die() { printf 'isobench: %s\n' "$*" >&2; exit 1; }

# Answers -h/--help with the running script's header comment and -V/--version with the version in pom.xml, then
# exits 0; returns when neither is among the arguments before a '--'. Every script calls it first, before it builds,
# installs or starts anything.
handle_help_and_version() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --) return 0 ;;
      -h|--help) sed -n -e '1{/^#!/d;}' -e '/^#/!q' -e 's/^# \{0,1\}//p' "$0"; exit 0 ;;
      -V|--version) printf 'isobench %s\n' "$(isobench_version)"; exit 0 ;;
    esac
  done
}

# The project's version: the first <version> of pom.xml outside <parent>, read without Maven.
isobench_version() {
  local version
  version=$(sed -n -e '/<parent>/,/<\/parent>/d' -e '/<version>/{s:.*<version>\(.*\)</version>.*:\1:p;q;}' \
    "$ROOT/pom.xml" 2>/dev/null) || true
  printf '%s\n' "${version:-unknown}"
}

# Builds the jars when they are missing or older than the sources.
ensure_jars() {
  if [[ -f "$LAUNCHER_JAR" && -f "$BENCHMARKS_JAR" ]] \
      && [[ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$LAUNCHER_JAR" -print -quit)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build the jars: apt-get install maven"
  command -v cc >/dev/null || die "a C compiler (cc) is needed to build the jars' native core: apt-get install gcc"
  say "building target/benchmarks.jar and target/isobench.jar ..."
  (cd "$ROOT" && mvn -q -B -DskipTests package) || die "the build failed; run 'mvn -DskipTests package' to see why"
}

# Installs Debian packages when run as root on Debian; otherwise says what to install.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $EUID -ne 0 || ! -f /etc/debian_version ]]; then
    die "missing packages: ${missing[*]}; install them (as root: apt-get install -y ${missing[*]})"
  fi
  say "installing ${missing[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || die "could not install ${missing[*]}"
}

# The engine's configuration when isobench starts it: crun and gVisor's runsc registered beside runc. runsc gets the
# host's network stack: gVisor's own netstack refuses to start in the root network namespace on machines like these
# ("cannot run with network enabled in root network namespace"); its platform is ptrace, which needs no KVM.
daemon_config() {
  cat <<'JSON'
{
  "runtimes": {
    "isobench-crun": {"path": "/usr/bin/crun"},
    "isobench-runsc": {"path": "/usr/bin/runsc", "runtimeArgs": ["--network=host"]}
  }
}
JSON
}

# Makes sure a Docker engine answers: as root, installs Debian's dockerd, crun and runsc and starts the engine with
# them registered if none answers. An engine isobench did not start is used as it is.
ensure_docker() {
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  say "no Docker engine answers"
  if [[ $EUID -ne 0 ]]; then
    die "start a Docker engine (or run as root so isobench can install and start docker.io)"
  fi
  command -v dockerd >/dev/null || ensure_packages docker.io
  (ensure_packages crun runsc) || say "crun and runsc could not be installed: their container variants will be skipped"
  [[ ! -L "$STATE_DIR" ]] || die "$STATE_DIR is a symbolic link; remove it"
  install -d -m 0700 -o root -g root "$STATE_DIR"
  daemon_config > "$STATE_DIR/daemon.json"
  local log="$STATE_DIR/dockerd.log"
  clear_stale_pid_file /var/run/docker.pid dockerd
  clear_stale_pid_file /var/run/docker/containerd/containerd.pid containerd
  say "starting dockerd with crun and runsc registered (log: $log) ..."
  # Only stdin/stdout/stderr go along: the engine outlives this script, and a descriptor it inherited (a caller's
  # flock(1) lock, a pipe someone waits on) would stay open, held, as long as the engine runs.
  local fds=() fd
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    if (( fd > 2 && fd != 255 )); then fds+=("$fd"); fi
  done
  ( for fd in "${fds[@]}"; do eval "exec $fd>&-"; done 2>/dev/null
    exec setsid dockerd --config-file "$STATE_DIR/daemon.json" >>"$log" 2>&1 < /dev/null ) &
  local waited=0
  until docker info >/dev/null 2>&1; do
    if (( waited++ >= DOCKER_WAIT_SECONDS )); then
      tail -n 5 "$log" | sed 's/^/  dockerd: /' >&2
      die "dockerd did not answer within ${DOCKER_WAIT_SECONDS} s; see $log"
    fi
    sleep 1
  done
  say "dockerd is up"
}

# Removes a pid file left by a killed engine: its process is gone, is another program now, or is a zombie that its
# parent has not reaped yet. dockerd (and the containerd it manages) refuse to start while their pid file names a
# process that exists, and a zombie exists until it is reaped.
clear_stale_pid_file() {
  local file=$1 name=$2 pid
  [[ -f "$file" ]] || return 0
  pid=$(<"$file")
  if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]] \
      && ! pgrep -r Z -x "$name" | grep -qx "$pid"; then
    return 0
  fi
  say "removing $file, left by a $name that is no longer running"
  rm -f "$file"
}

# Makes sure QEMU and the image tools are installed.
ensure_qemu() {
  ensure_packages qemu-system-x86 qemu-utils debootstrap
}

# The system user that runs the unprivileged environments (Charliecloud, rootless Podman) when isobench runs as root,
# as HPC sites run them (the launcher's RunAs.USER; without it the launcher falls back to nobody).
ensure_isobench_user() {
  [[ $EUID -eq 0 ]] || return 0
  getent passwd isobench >/dev/null && return 0
  say "adding the system user isobench, which runs the unprivileged environments"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin isobench \
    || die "could not add the system user isobench"
}

# Charliecloud's ch-run for its environment kind.
ensure_charliecloud() {
  ensure_packages charliecloud
  ensure_isobench_user
}

# Podman for its environment kind. Rootless Podman needs subordinate uids and gids for its user (the image's files
# belong to several users and groups: /etc/gshadow to group shadow); as root, isobench gets 65536 of each after every
# range already given.
ensure_podman() {
  ensure_packages podman uidmap
  ensure_isobench_user
  [[ $EUID -eq 0 ]] || return 0
  local file option start
  for file in /etc/subuid /etc/subgid; do
    option=--add-subuids
    [[ "$file" == /etc/subuid ]] || option=--add-subgids
    if ! grep -qs '^isobench:' "$file"; then
      start=$(awk -F: 'BEGIN { end = 100000 } $2 + $3 > end { end = $2 + $3 } END { print end }' "$file" 2>/dev/null \
        || echo 100000)
      usermod "$option" "$start-$((start + 65535))" isobench || die "could not give isobench subordinate ids in $file"
    fi
  done
}

# For the main job: Maven passes every -Disobench.* property, set or not: an empty --name= means "not given" and is
# dropped, and --jmh="OPTIONS" becomes the raw JMH options after --. Sets ARGS.
maven_arguments() {
  ARGS=()
  local jmh=() arg
  for arg in "$@"; do
    case "$arg" in
      --*=) ;;
      --jmh=*) read -ra jmh <<< "${arg#--jmh=}" ;;
      *) ARGS+=("$arg") ;;
    esac
  done
  if [[ ${#jmh[@]} -gt 0 ]]; then
    ARGS+=(-- "${jmh[@]}")
  fi
}

# Runs the launcher with the given command and arguments.
launch() {
  exec java -jar "$LAUNCHER_JAR" "$@"
}
