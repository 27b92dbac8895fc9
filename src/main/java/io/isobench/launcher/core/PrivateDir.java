package io.isobench.launcher.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory of the launcher's own at a fixed path, such as the host's bench directory ({@code /var/tmp/isobench},
 * in a directory every user can write) and root's state directory ({@code /var/lib/isobench}, which scripts/lib.sh
 * keeps the engine's configuration in). Another user could make the path first, as a directory of theirs or as a link
 * to anywhere, and have root write or lock where they choose; so it is made 0700 when missing, made 0700 again when it
 * is this user's, and refused in one line when it is a link, not a directory, or another user's.
 */
public final class PrivateDir {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDir() {
    }

    /** The directory, made or checked as the class says; its parent must exist. */
    public static Path ensure(Path dir) throws LauncherException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // Checked below, whoever made it.
        } catch (IOException e) {
            throw new LauncherException("cannot make " + dir + ": " + e.getMessage(), e);
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes attributes = view.readAttributes();
            if (attributes.isSymbolicLink()) {
                throw new LauncherException(dir + " is a symbolic link, not a directory of its own; remove it (rm " + dir
                        + ") and run again");
            }
            if (!attributes.isDirectory()) {
                throw new LauncherException(dir + " is not a directory; remove it and run again");
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int me = currentUid();
            if (owner != me) {
                throw new LauncherException(dir + " belongs to " + attributes.owner().getName() + " (uid " + owner
                        + "), not to this user (uid " + me + "): someone else made it; remove it and run again");
            }
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                view.setPermissions(OWNER_ONLY);
            }
            return dir;
        } catch (IOException e) {
            throw new LauncherException("cannot check " + dir + ": " + e.getMessage(), e);
        }
    }

    /** This process's effective user id, from /proc/self/status. */
    static int currentUid() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IOException("no Uid in /proc/self/status");
    }

    /** Whether this process runs as root. */
    public static boolean isRoot() {
        try {
            return currentUid() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
