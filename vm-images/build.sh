#!/usr/bin/env bash
# isobench image builder: one Debian userland (the recipe in recipe/) made into
#   build.sh container  -> local Docker image isobench/rootfs:<recipe-hash> (label io.isobench=true)
#   build.sh vm         -> $ISOBENCH_CACHE/vm-<recipe-hash>/ with disk.img, vmlinuz, vmlinux,
#                          initrd.img, cmdline, kernel-release, recipe-hash, and checksums
#                          ("<sha256> <size> <name>" of each image file, checked by the launcher on use)
#   build.sh hash       -> the recipe hash alone (no build)
#   build.sh prune      -> removes what older recipes left in the cache and in Docker (no output)
# Each build command builds only what is missing, prints progress on stderr and exactly one line
# on stdout: the image tag, the directory, or the hash. Exit status non-zero on failure.
# The recipe hash is sha256 over build.sh and recipe/*, first 12 hex digits: change either and
# the next call builds anew under a new name (old ones stay until `build.sh prune`).
# Needs root (debootstrap, chroot, file ownership), debootstrap, docker (container only),
# apt-get/apt-cache/dpkg-deb pointing at Debian bookworm (vm only), mkfs.ext4 >= 1.43.
# ISOBENCH_CACHE defaults to ~/.cache/isobench; ISOBENCH_MIRROR to the Debian archive in this machine's apt sources.
set -euo pipefail
export LC_ALL=C

# Directory holding this script and recipe/.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
# --help and --version (handle_help_and_version); build.sh defines its own say and die below.
source "$HERE/../scripts/lib.sh"
# The recipe's data files.
readonly RECIPE_DIR="$HERE/recipe"
# Where the rootfs tarball and the VM directories are kept.
readonly CACHE_DIR="${ISOBENCH_CACHE:-$HOME/.cache/isobench}"
# Debian mirror for debootstrap (not part of the recipe: any mirror serves the same packages).
# Default: the Debian archive this machine's apt already uses.
MIRROR="${ISOBENCH_MIRROR:-}"
# Repository part of the Docker image tag.
readonly IMAGE_REPO="isobench/rootfs"
# Label that marks everything isobench made in Docker (for sweeps).
readonly IMAGE_LABEL="io.isobench=true"
# Scratch directory of the build in progress; removed on exit, failure or Ctrl-C.
TMP_DIR=""
# Path of the rootfs tarball, set by ensure_rootfs.
ROOTFS_TAR=""

say() { printf 'build.sh: %s\n' "$*" >&2; }

# apt_mirror: the main Debian archive URI of this machine's apt sources (deb822 or one-line format).
apt_mirror() {
    local uri
    uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' \
        | tr ' ' '\n' | grep -v -- '-security' | grep '/debian/\?$' | head -n 1 || true)"
    [[ -n "$uri" ]] || uri="$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\/debian\/\?\)[[:space:]].*/\2/p' \
        /etc/apt/sources.list 2>/dev/null | head -n 1 || true)"
    printf '%s\n' "$uri"
}
die() { say "error: $*"; exit 1; }
# result LINE: the command's one line of output, on the real stdout (fd 3; see main).
result() { printf '%s\n' "$1" >&3; }

usage() {
    cat >&2 <<'EOF'
usage: build.sh container|vm|hash|prune
  container  ensure Docker image isobench/rootfs:<hash>; print its tag
  vm         ensure $ISOBENCH_CACHE/vm-<hash>/ (disk.img vmlinuz vmlinux initrd.img cmdline ...);
             print the path
  hash       print the recipe hash
  prune      remove cached rootfs/VM images and Docker images of other hashes; print nothing
ISOBENCH_CACHE defaults to ~/.cache/isobench; ISOBENCH_MIRROR to the Debian archive in this machine's apt sources.
EOF
    exit 2
}

# conf KEY: the value of KEY in recipe/recipe.conf.
conf() {
    local value
    value="$(sed -n "s/^$1=//p" "$RECIPE_DIR/recipe.conf" | tail -n 1)"
    [[ -n "$value" ]] || die "recipe.conf has no $1"
    printf '%s\n' "$value"
}

# list FILE: the names in a recipe list, without comments and blank lines.
list() {
    sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^[[:space:]]*$/d' "$RECIPE_DIR/$1"
}

recipe_hash() {
    (cd "$HERE" && sha256sum build.sh recipe/* | sha256sum | cut -c1-12)
}

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "$tool not found (apt-get install the package that has it)"
    done
}

# Unmounts whatever a killed debootstrap left mounted under $TMP_DIR, then removes it.
cleanup() {
    local rc=$? mnt
    if [[ -n "$TMP_DIR" && -d "$TMP_DIR" ]]; then
        while read -r mnt; do
            umount -l "$mnt" 2>/dev/null || true
        done < <(awk -v d="$TMP_DIR/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
        if awk -v d="$TMP_DIR/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
            say "still mounted under $TMP_DIR: not removing it"
        else
            rm -rf "$TMP_DIR"
        fi
    fi
    exit "$rc"
}

# new_tmp NAME: a scratch directory inside the cache (same file system, so mv is atomic).
new_tmp() {
    mkdir -p "$CACHE_DIR"
    TMP_DIR="$(mktemp -d "$CACHE_DIR/.tmp-$1-XXXXXX")"
}

# Serialises builds sharing one cache (container and vm may be asked for at once).
lock_cache() {
    mkdir -p "$CACHE_DIR"
    exec 9>"$CACHE_DIR/.lock"
    flock 9
}

# ensure_rootfs HASH: builds $CACHE_DIR/rootfs-HASH.tar unless present; sets ROOTFS_TAR.
ensure_rootfs() {
    local hash="$1" tar="$CACHE_DIR/rootfs-$1.tar" root log start packages
    ROOTFS_TAR="$tar"
    [[ -f "$tar" ]] && return
    need debootstrap tar
    [[ "$(id -u)" == 0 ]] || die "needs root (debootstrap)"
    new_tmp "rootfs-$hash"
    root="$TMP_DIR/root"
    log="$TMP_DIR/debootstrap.log"
    packages="$(list packages.txt | paste -sd, -)"
    start=$SECONDS
    # dpkg honours the excludes from debootstrap's second stage on.
    mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
    cp "$RECIPE_DIR/dpkg-excludes.cfg" "$root/etc/dpkg/dpkg.cfg.d/01-isobench-excludes"
    [[ -n "$MIRROR" ]] || MIRROR="$(apt_mirror)"
    [[ -n "$MIRROR" ]] || die "no Debian archive in /etc/apt/sources*: set ISOBENCH_MIRROR"
    say "debootstrap $(conf SUITE) ($(conf VARIANT), +$packages) from $MIRROR: a few minutes, log $log"
    if ! debootstrap --arch=amd64 --variant="$(conf VARIANT)" --include="$packages" \
            "$(conf SUITE)" "$root" "$MIRROR" >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "debootstrap failed"
    fi
    say "debootstrap done in $((SECONDS - start)) s; trimming"
    trim_rootfs "$root"
    say "rootfs is $(du -sh "$root" | cut -f1); writing the tarball"
    tar --numeric-owner --xattrs -C "$root" -cf "$TMP_DIR/rootfs.tar" .
    mv "$TMP_DIR/rootfs.tar" "$tar"
    rm -rf "$TMP_DIR"
    TMP_DIR=""
    say "rootfs ready: $tar ($(du -h "$tar" | cut -f1), $((SECONDS - start)) s)"
}

# trim_rootfs ROOT: drops what dpkg-excludes.cfg names, caches, logs and host leftovers.
trim_rootfs() {
    local root="$1" pattern
    while read -r pattern; do
        # The patterns are "DIR/*": empty the directory, keep it.
        find "$root${pattern%/\*}" -mindepth 1 -delete 2>/dev/null || true
    done < <(sed -n 's/^path-exclude=//p' "$RECIPE_DIR/dpkg-excludes.cfg")
    rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
        "$root"/var/lib/apt/lists/* "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
    find "$root/var/log" -type f -delete
    # debootstrap copies these from the host; Docker and the VM init provide their own.
    conf GUEST_HOSTNAME >"$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
        "$(conf GUEST_HOSTNAME)" >"$root/etc/hosts"
    : >"$root/etc/resolv.conf"
    rm -f "$root/etc/machine-id"
}

cmd_container() {
    local hash tag tar size
    need docker
    hash="$(recipe_hash)"
    tag="$IMAGE_REPO:$hash"
    docker info >/dev/null 2>&1 || die "docker engine not reachable (start dockerd)"
    lock_cache
    if ! docker image inspect "$tag" >/dev/null 2>&1; then
        ensure_rootfs "$hash"
        tar="$ROOTFS_TAR"
        say "docker import $tar as $tag"
        docker import \
            --change "LABEL $IMAGE_LABEL" \
            --change "LABEL io.isobench.recipe=$hash" \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
            --change 'CMD ["/bin/sleep", "infinity"]' \
            "$tar" "$tag" >/dev/null
        size="$(docker image inspect -f '{{.Size}}' "$tag")"
        say "image $tag: $((size / 1000000)) MB"
    else
        say "image $tag exists"
    fi
    result "$tag"
}

# resolve_kernel: the versioned linux-image package that KERNEL_PACKAGE depends on.
resolve_kernel() {
    local pkg
    pkg="$(apt-cache depends "$(conf KERNEL_PACKAGE)" 2>/dev/null | awk '/^ *Depends: linux-image-/ { print $2; exit }')"
    if [[ -z "$pkg" ]]; then
        say "apt-get update (no $(conf KERNEL_PACKAGE) in the package lists)"
        apt-get update -qq || die "apt-get update failed"
        pkg="$(apt-cache depends "$(conf KERNEL_PACKAGE)" | awk '/^ *Depends: linux-image-/ { print $2; exit }')"
    fi
    [[ -n "$pkg" ]] || die "cannot resolve $(conf KERNEL_PACKAGE)"
    printf '%s\n' "$pkg"
}

# download DIR PACKAGE...: apt-get download into DIR (retrying once after apt-get update).
download() {
    local dir="$1"
    shift
    if ! (cd "$dir" && apt-get download -q -o APT::Sandbox::User=root "$@"); then
        say "apt-get update and retry"
        apt-get update -qq || die "apt-get update failed"
        (cd "$dir" && apt-get download -q -o APT::Sandbox::User=root "$@") || die "cannot download $*"
    fi
}

# extract_vmlinux CONFIG BZIMAGE OUT: the uncompressed ELF kernel, which QEMU starts through its
# PVH entry point (-kernel vmlinux): this skips the in-guest xz decompression of the bzImage,
# ~4 s under TCG. Only for an xz-compressed kernel built with CONFIG_PVH=y; else no OUT.
extract_vmlinux() {
    local config="$1" bzimage="$2" out="$3" offset
    if ! grep -q '^CONFIG_PVH=y' "$config" || ! grep -q '^CONFIG_KERNEL_XZ=y' "$config"; then
        say "kernel without PVH or not xz-compressed: no vmlinux, only vmlinuz"
        return 0
    fi
    need xz
    # The payload is the first xz stream in the bzImage (magic FD 37 7A 58 5A 00).
    offset="$({ grep -abo $'\xfd7zXZ' "$bzimage" || true; } | awk -F: 'NR == 1 { print $1 }')"
    if [[ -n "$offset" ]]; then
        tail -c +"$((offset + 1))" "$bzimage" >"$out.xz"
        xz -dc --single-stream "$out.xz" >"$out" 2>/dev/null || rm -f "$out"
        rm -f "$out.xz"
    fi
    if [[ ! -f "$out" || "$(head -c 4 "$out")" != $'\x7fELF' ]]; then
        say "cannot extract vmlinux from the bzImage: only vmlinuz"
        rm -f "$out"
    fi
}

# closure ROOT KVER MODULE...: module files (relative to lib/modules/KVER) in load order.
closure() {
    local root="$1" kver="$2" module
    shift 2
    for module in "$@"; do
        chroot "$root" modprobe -S "$kver" --show-depends "$module" ||
            die "kernel $kver has no module $module"
    done | awk -v p="/lib/modules/$kver/" '$1 == "insmod" && !seen[$2]++ { sub(p, "", $2); print $2 }'
}

# make_initrd ROOT KVER BUSYBOX OUT: tiny gzip'd cpio with busybox, the root-disk modules and /init.
make_initrd() {
    local root="$1" kver="$2" busybox="$3" out="$4" dir="$TMP_DIR/initrd" file applet wanted files
    mkdir -p "$dir/bin" "$dir/lib/modules" "$dir/dev" "$dir/proc" "$dir/sys" "$dir/newroot"
    cp "$busybox" "$dir/bin/busybox"
    for applet in sh mount umount insmod mkdir cat sleep usleep switch_root; do
        ln -s busybox "$dir/bin/$applet"
    done
    mknod -m 600 "$dir/dev/console" c 5 1
    mapfile -t wanted < <(list initrd-modules.txt)
    closure "$root" "$kver" "${wanted[@]}" >"$TMP_DIR/initrd-modules"
    mapfile -t files <"$TMP_DIR/initrd-modules"
    for file in "${files[@]}"; do
        cp "$root/lib/modules/$kver/$file" "$dir/lib/modules/"
        basename "$file" >>"$dir/lib/modules/load-order"
    done
    install -m 755 "$RECIPE_DIR/initrd-init" "$dir/init"
    (cd "$dir" && find . | sort | "$dir/bin/busybox" cpio -o -H newc -R 0:0 2>/dev/null) | gzip -9 >"$out"
    say "initrd: ${#files[@]} modules ($(tr '\n' ' ' <"$dir/lib/modules/load-order"))"
}

# write_checksums DIR: DIR/checksums, "<sha256> <size> <name>" per image file, which the launcher verifies
# before each use (a truncated kernel, initrd or disk is rebuilt rather than booted).
write_checksums() {
    local dir="$1" file
    say "recording checksums"
    for file in disk.img vmlinuz vmlinux initrd.img; do
        [[ -f "$dir/$file" ]] || continue
        printf '%s %s %s\n' "$(sha256sum <"$dir/$file" | cut -d' ' -f1)" "$(stat -c %s "$dir/$file")" "$file"
    done >"$dir/checksums"
}

cmd_vm() {
    local hash vm tar start out root dl kpkg kver keep file wanted
    hash="$(recipe_hash)"
    vm="$CACHE_DIR/vm-$hash"
    lock_cache
    if [[ -f "$vm/disk.img" && -f "$vm/vmlinuz" && -f "$vm/initrd.img" && -f "$vm/checksums" ]]; then
        say "VM image $vm exists"
        result "$vm"
        return
    fi
    need apt-get apt-cache dpkg-deb chroot mkfs.ext4 gzip flock
    [[ "$(id -u)" == 0 ]] || die "needs root (rootfs ownership, chroot)"
    start=$SECONDS
    ensure_rootfs "$hash"
    tar="$ROOTFS_TAR"
    new_tmp "vm-$hash"
    out="$TMP_DIR/vm-$hash"
    root="$TMP_DIR/root"
    dl="$TMP_DIR/dl"
    mkdir -p "$out" "$root" "$dl"
    say "unpacking the rootfs"
    tar --numeric-owner --xattrs -xpf "$tar" -C "$root"

    kpkg="$(resolve_kernel)"
    say "downloading $kpkg and $(conf BUSYBOX_PACKAGE)"
    download "$dl" "$kpkg" "$(conf BUSYBOX_PACKAGE)"
    dpkg-deb -x "$dl/$kpkg"_*.deb "$TMP_DIR/kernel"
    dpkg-deb -x "$dl/$(conf BUSYBOX_PACKAGE)"_*.deb "$TMP_DIR/busybox"
    kver="$(ls "$TMP_DIR/kernel/lib/modules")"
    cp "$TMP_DIR/kernel/boot/vmlinuz-$kver" "$out/vmlinuz"
    extract_vmlinux "$TMP_DIR/kernel/boot/config-$kver" "$out/vmlinuz" "$out/vmlinux"

    say "kernel $kver: keeping $(list modules.txt | paste -sd' ' -) and their dependencies"
    mkdir -p "$root/lib/modules"
    mv "$TMP_DIR/kernel/lib/modules/$kver" "$root/lib/modules/$kver"
    chroot "$root" depmod "$kver"
    keep="$TMP_DIR/keep"
    mkdir -p "$keep"
    mapfile -t wanted < <(list modules.txt)
    closure "$root" "$kver" "${wanted[@]}" >"$TMP_DIR/vm-modules"
    while read -r file; do
        mkdir -p "$keep/$(dirname "$file")"
        cp -p "$root/lib/modules/$kver/$file" "$keep/$file"
    done <"$TMP_DIR/vm-modules"
    cp -p "$root/lib/modules/$kver"/modules.{order,builtin,builtin.modinfo} "$keep/"
    rm -rf "$root/lib/modules/$kver" "$TMP_DIR/kernel"
    mv "$keep" "$root/lib/modules/$kver"
    chroot "$root" depmod "$kver"
    say "modules kept: $(find "$root/lib/modules/$kver" -name '*.ko' | wc -l) ($(du -sh "$root/lib/modules/$kver" | cut -f1))"

    make_initrd "$root" "$kver" "$TMP_DIR/busybox/bin/busybox" "$out/initrd.img"

    install -m 755 "$RECIPE_DIR/isobench-init" "$root/sbin/isobench-init"
    mkdir -p "$root/share" "$root/run"
    say "mkfs.ext4 $(conf DISK_SIZE) from $(du -sh "$root" | cut -f1) of files"
    mkfs.ext4 -q -F -L isobench-root -d "$root" "$out/disk.img" "$(conf DISK_SIZE)"

    cp "$RECIPE_DIR/cmdline.txt" "$out/cmdline"
    printf '%s\n' "$kver" >"$out/kernel-release"
    printf '%s\n' "$hash" >"$out/recipe-hash"
    write_checksums "$out"
    rm -rf "$vm"  # an incomplete earlier build, else mv would move into it
    mv "$out" "$vm"
    rm -rf "$TMP_DIR"
    TMP_DIR=""
    say "VM image ready in $((SECONDS - start)) s: $vm ($(du -sh "$vm" | cut -f1) on disk)"
    result "$vm"
}

# Removes the rootfs tarballs, VM directories and isobench/rootfs images of other recipe hashes.
cmd_prune() {
    local hash entry tag
    hash="$(recipe_hash)"
    lock_cache
    for entry in "$CACHE_DIR"/rootfs-*.tar "$CACHE_DIR"/vm-*; do
        [[ -e "$entry" && "$entry" != *"-$hash" && "$entry" != *"-$hash.tar" ]] || continue
        say "removing $entry"
        rm -rf "$entry"
    done
    if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
        while read -r tag; do
            [[ "$tag" == "$IMAGE_REPO:$hash" || "$tag" == *"<none>"* ]] && continue
            say "removing image $tag"
            docker rmi "$tag" >/dev/null || say "cannot remove image $tag (in use?)"
        done < <(docker images --filter "label=$IMAGE_LABEL" --format '{{.Repository}}:{{.Tag}}')
    fi
}

main() {
    handle_help_and_version "$@"
    [[ $# -eq 1 ]] || usage
    # Everything any tool prints goes to stderr; only result() writes to the real stdout.
    exec 3>&1 1>&2
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    case "$1" in
        container) cmd_container ;;
        vm) cmd_vm ;;
        hash) result "$(recipe_hash)" ;;
        prune) cmd_prune ;;
        *) usage ;;
    esac
}

main "$@"
