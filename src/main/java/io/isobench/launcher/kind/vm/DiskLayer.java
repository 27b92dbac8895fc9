package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A qcow2 layer that adds files to the ext4 file system of the disk below it, made without booting the guest and
 * without mounting anything (no loop or nbd device, no KVM): the chain below is flattened into a sparse raw file,
 * {@code debugfs} writes the files into it, {@code e2fsck -fn} checks the result, and {@code qemu-img rebase} onto the
 * disk below keeps only the clusters that differ from it. Temporary files lie beside the layer, named
 * {@value #TMP_PREFIX}{@code <pid>-...}, and go when it is made, when making it fails, or (after a kill) with
 * {@link #sweep}.
 */
final class DiskLayer {

    static final String TMP_PREFIX = ".tmp-layer-";
    private static final long TIMEOUT_SECONDS = 600;

    /** A host file or directory tree, and where it goes in the guest's file system. */
    record Addition(Path source, String guestPath) {
    }

    private DiskLayer() {
    }

    /**
     * Makes {@code out}, a qcow2 layer on {@code below} (of {@code belowFormat}) that adds {@code mkdirs} (directories,
     * parents first) and then {@code additions}. The layer names {@code below} by file name when both are in one
     * directory (the cache can move), else by absolute path.
     */
    static void make(Path below, String belowFormat, List<String> mkdirs, List<Addition> additions, Path out)
            throws LauncherException, InterruptedException {
        String stem = TMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        Path flat = out.resolveSibling(stem + ".raw");
        Path commands = out.resolveSibling(stem + ".debugfs");
        Path layer = out.resolveSibling(stem + ".qcow2");
        try {
            Files.writeString(commands, script(mkdirs, additions));
            run("qemu-img", "convert", "-f", belowFormat, "-O", "raw", below.toString(), flat.toString());
            Processes.Result written = Processes.run(List.of("debugfs", "-w", "-f", commands.toString(), flat.toString()),
                    TIMEOUT_SECONDS);
            List<String> errors = errors(written.output());
            if (written.exitCode() != 0 || !errors.isEmpty()) {
                throw new LauncherException("debugfs could not add the files to " + below.getFileName() + ": "
                        + (errors.isEmpty() ? "exit " + written.exitCode() : String.join("; ", errors)));
            }
            run("e2fsck", "-fn", flat.toString());
            run("qemu-img", "create", "-q", "-f", "qcow2", "-b", flat.toAbsolutePath().toString(), "-F", "raw",
                    layer.toString());
            String belowName = below.toAbsolutePath().getParent().equals(out.toAbsolutePath().getParent())
                    ? below.getFileName().toString() : below.toAbsolutePath().toString();
            run("qemu-img", "rebase", "-f", "qcow2", "-b", belowName, "-F", belowFormat, layer.toString());
            Files.move(layer, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LauncherException("cannot make the disk layer " + out + ": " + e.getMessage(), e);
        } finally {
            for (Path file : List.of(flat, commands, layer)) {
                BenchDir.deleteRecursively(file);
            }
        }
    }

    /**
     * The debugfs commands that add the files: {@code mkdir} for each directory, {@code write} for each file (debugfs
     * keeps its permissions), {@code symlink} for each link, and root as the owner of each (as a Dockerfile's COPY).
     */
    static String script(List<String> mkdirs, List<Addition> additions) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (String dir : mkdirs) {
            lines.add("mkdir " + quote(dir));
            created.add(dir);
        }
        for (Addition addition : additions) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(addition.source())) {
                paths = walk.sorted().toList(); // a directory before what it holds
            }
            for (Path path : paths) {
                String rel = addition.source().relativize(path).toString();
                String guest = rel.isEmpty() ? addition.guestPath() : addition.guestPath() + "/" + rel;
                if (Files.isSymbolicLink(path)) {
                    lines.add("symlink " + quote(guest) + " " + quote(Files.readSymbolicLink(path).toString()));
                } else if (Files.isDirectory(path)) {
                    lines.add("mkdir " + quote(guest));
                } else if (Files.isRegularFile(path)) {
                    lines.add("write " + quote(path.toAbsolutePath().toString()) + " " + quote(guest));
                } else {
                    throw new IOException(path + " is neither a file, a directory nor a symbolic link");
                }
                created.add(guest);
            }
        }
        for (String path : created) {
            lines.add("set_inode_field " + quote(path) + " uid 0");
            lines.add("set_inode_field " + quote(path) + " gid 0");
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * What went wrong, from debugfs's output (stdout and stderr together): it exits 0 whatever its commands did, echoes
     * each command ({@code debugfs: ...}) and says {@code Allocated inode: N} for each file; any other line is an error.
     */
    static List<String> errors(String output) {
        return output.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("debugfs: ") && !line.startsWith("Allocated inode: ")
                        && !line.matches("debugfs [0-9.]+ \\(.*\\)"))
                .toList();
    }

    /** Removes temporary files that a killed launcher left in {@code dir}. */
    static void sweep(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.startsWith(TMP_PREFIX)) {
                    continue;
                }
                String pid = name.substring(TMP_PREFIX.length()).split("-", 2)[0];
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    alive = false;
                }
                if (!alive) {
                    BenchDir.deleteRecursively(file);
                }
            }
        } catch (IOException e) {
            // Nothing to sweep, or an unreadable cache: the next make tells.
        }
    }

    /** A debugfs argument: in double quotes, which debugfs's parser takes as one word. */
    static String quote(String text) {
        if (text.contains("\"") || text.contains("\\") || text.contains("\n")) {
            throw new IllegalArgumentException("debugfs cannot be given a path with quotes, backslashes or newlines: " + text);
        }
        return "\"" + text + "\"";
    }

    private static void run(String... command) throws LauncherException, InterruptedException {
        Processes.Result result = Processes.run(List.of(command), TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new LauncherException(command[0] + " " + command[1] + " failed (exit " + result.exitCode() + "): "
                    + result.output().strip().lines().reduce((a, b) -> b).orElse(""));
        }
    }
}
