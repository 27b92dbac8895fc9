#!/usr/bin/env bash
# isobench VM smoke check (manual; the Java launcher does not use it): ensures the VM image
# (build.sh vm), makes a jlink'd runtime from the host JDK and a run.sh in a share directory,
# boots the image under QEMU on a throw-away qcow2 overlay and reports how many seconds it took
# to reach the guest init (ISOBENCH-INIT) and the end of run.sh (ISOBENCH-DONE).
# Exit status 0 when the guest ran run.sh, wrote /share/exit-code 0 and powered off.
# ISOBENCH_KERNEL=vmlinuz boots the compressed kernel instead of vmlinux.
# Usage: vm-images/boot-test.sh   (TCG -cpu max, unless kvm_intel/kvm_amd drive /dev/kvm: then -accel kvm
#        -cpu host; ISOBENCH_ACCEL=tcg|kvm forces one)
set -euo pipefail
export LC_ALL=C

# Directory holding this script and build.sh.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
# --help and --version (handle_help_and_version); boot-test.sh defines its own say and die below.
source "$HERE/../scripts/lib.sh"
# JDK whose jlink makes the guest's runtime.
readonly JDK_HOME="${ISOBENCH_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
# Modules of the test runtime.
readonly JLINK_MODULES="java.base,java.logging,java.management,jdk.unsupported"
# Upper bound for the whole boot, in seconds (TCG is slow; a hang must not last).
readonly BOOT_TIMEOUT="${ISOBENCH_BOOT_TIMEOUT:-300}"
# Guest memory (MB) and CPUs.
readonly GUEST_MEM=1024
readonly GUEST_CPUS=2
# Scratch directory (overlay, share, console fifo); removed on exit.
SCRATCH=""
# Process id of QEMU while it runs.
QEMU_PID=""

say() { printf 'boot-test.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

cleanup() {
    local rc=$?
    if [[ -n "$QEMU_PID" ]] && kill -0 "$QEMU_PID" 2>/dev/null; then
        say "stopping QEMU (pid $QEMU_PID)"
        kill "$QEMU_PID" 2>/dev/null || true
        sleep 1
        kill -9 "$QEMU_PID" 2>/dev/null || true
    fi
    [[ -n "$SCRATCH" ]] && rm -rf "$SCRATCH"
    exit "$rc"
}

# elapsed START: seconds since START (an $EPOCHREALTIME), one decimal, without a fork.
elapsed() {
    local us=$(( ${EPOCHREALTIME/./} - ${1/./} ))
    printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}

# choose_accel: "kvm" where /dev/kvm is usable by a stock Debian kernel, else "tcg".
# ISOBENCH_ACCEL=kvm|tcg overrides. A /dev/kvm alone is not enough: some hosts have only
# kvm_pvm (PVM, nested without VMX/SVM), which runs PVM-built guest kernels only; a stock
# kernel hangs there after "Probing EDD", and "-cpu host" aborts on MSR 0x10a.
choose_accel() {
    if [[ -n "${ISOBENCH_ACCEL:-}" ]]; then
        printf '%s\n' "$ISOBENCH_ACCEL"
    elif [[ -r /dev/kvm && -w /dev/kvm ]] && [[ -d /sys/module/kvm_intel || -d /sys/module/kvm_amd ]]; then
        echo kvm
    else
        echo tcg
    fi
}

make_share() {
    local share="$1"
    mkdir -p "$share"
    say "jlink $JLINK_MODULES from $JDK_HOME"
    "$JDK_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-header-files \
        --no-man-pages --output "$share/jdk"
    cat >"$share/run.sh" <<'EOF'
# written by boot-test.sh; run by /sbin/isobench-init as "sh /share/run.sh" in /share
set -e
echo "--- run.sh starts"
/share/jdk/bin/java -version
cat /proc/cpuinfo | head -5
echo "--- checks"
echo "hostname: $(cat /proc/sys/kernel/hostname)"
ip -o -4 addr show | awk '{ print "addr:", $2, $4 }'
df -h /tmp | tail -n 1 | awk '{ print "/tmp on", $1, "size", $2 }'
grep ' /share ' /proc/mounts
echo "modules: $(cut -d' ' -f1 /proc/modules | sort | tr '\n' ' ')"
EOF
}

main() {
    handle_help_and_version "$@"
    local vm kernel accel start now line t_init="" t_done="" done_rc="" rc
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not found"
    command -v qemu-img >/dev/null || die "qemu-img not found"

    vm="$("$HERE/build.sh" vm)"
    SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/isobench-boot-test-XXXXXX")"
    make_share "$SCRATCH/share"
    qemu-img create -q -f qcow2 -b "$vm/disk.img" -F raw "$SCRATCH/overlay.qcow2"
    mkfifo "$SCRATCH/console"
    # vmlinux (PVH entry, no in-guest decompression) where build.sh could make it.
    kernel="$vm/${ISOBENCH_KERNEL:-vmlinux}"
    [[ -f "$kernel" ]] || kernel="$vm/vmlinuz"

    case "$(choose_accel)" in
        kvm) accel=(-accel kvm -cpu host) ;;
        *) accel=(-accel tcg -cpu max) ;;
    esac
    say "booting $kernel (${accel[*]}), at most $BOOT_TIMEOUT s"
    start="$EPOCHREALTIME"
    timeout --kill-after=5 "$BOOT_TIMEOUT" qemu-system-x86_64 \
        -M q35 "${accel[@]}" -bios /usr/share/qemu/qboot.rom -nodefaults -no-user-config \
        -serial stdio -nographic -no-reboot -smp "$GUEST_CPUS" -m "$GUEST_MEM" \
        -kernel "$kernel" -initrd "$vm/initrd.img" -append "$(cat "$vm/cmdline")" \
        -drive "file=$SCRATCH/overlay.qcow2,if=virtio,format=qcow2" \
        -virtfs "local,path=$SCRATCH/share,mount_tag=share,security_model=none,id=share" \
        -netdev user,id=n0 -device virtio-net-pci,netdev=n0 \
        </dev/null >"$SCRATCH/console" 2>&1 &
    QEMU_PID=$!

    # Read the console as QEMU writes it and time the markers (EOF when QEMU exits).
    while IFS= read -r line; do
        line="${line%$'\r'}"
        now="$(elapsed "$start")"
        case "$line" in
            ISOBENCH-INIT*) t_init="$now" ;;
            ISOBENCH-DONE*) t_done="$now" done_rc="${line#*rc=}" ;;
        esac
        printf '%6s | %s\n' "$now" "$line" >&2
    done <"$SCRATCH/console"
    rc=0
    wait "$QEMU_PID" || rc=$?
    QEMU_PID=""
    say "QEMU exited with $rc after $(elapsed "$start") s"

    [[ -n "$t_init" ]] || die "no ISOBENCH-INIT on the console"
    say "boot to ISOBENCH-INIT: $t_init s"
    [[ -n "$t_done" ]] || die "no ISOBENCH-DONE on the console"
    say "boot to ISOBENCH-DONE: $t_done s (rc=$done_rc)"
    [[ "$rc" == 0 ]] || die "QEMU exit status $rc (124: timed out)"
    [[ -f "$SCRATCH/share/exit-code" ]] || die "no /share/exit-code"
    [[ "$(cat "$SCRATCH/share/exit-code")" == 0 ]] || die "run.sh exit code $(cat "$SCRATCH/share/exit-code")"
    say "overlay grew to $(du -h "$SCRATCH/overlay.qcow2" | cut -f1); OK"
}

main "$@"
