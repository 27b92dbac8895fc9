package io.isobench.launcher.kind.proc;

import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.host.HostEnvironment;
import io.isobench.launcher.kind.host.HostIdle;

import java.nio.file.Path;
import java.util.List;

/**
 * A kind that only the tests register (src/test/resources/META-INF/services): host processes under the kind {@code proc}.
 * It shows that a kind is one package and one registry line: the main job, the report and density take it with no
 * other file changed ({@code KindRegistryIT}).
 */
public final class ProcKind implements Kind {

    @Override
    public String id() {
        return "proc";
    }

    /** Only when asked for: a plain {@code isobench bench} in the tests' class path runs the launcher's own kinds. */
    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        return words.stream().map(word -> Rounds.Planned.of(
                new HostEnvironment(word, Path.of(Workspace.HOST_BENCH_DIR), id()))).toList();
    }

    @Override
    public List<String> idleNames() {
        return List.of("proc");
    }

    @Override
    public String idleName(Environment environment) {
        return "proc";
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) {
        return new HostIdle(idle.jvm(), idle.jar(), id());
    }
}
