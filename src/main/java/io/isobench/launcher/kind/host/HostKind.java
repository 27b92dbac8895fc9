package io.isobench.launcher.kind.host;

import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.Workspace;

import java.nio.file.Path;
import java.util.List;

/** The host: the suite as a child process; {@code host-NAME} adds another host environment, for an A/A test. */
public final class HostKind implements Kind {

    @Override
    public String id() {
        return "host";
    }

    @Override
    public boolean answers(String word) {
        return word.equals("host") || word.matches("host-[a-z0-9]+");
    }

    @Override
    public String words() {
        return "host, host-NAME";
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        Path benchDir = Path.of(Workspace.HOST_BENCH_DIR);
        return words.stream().map(word -> Rounds.Planned.of(new HostEnvironment(word, benchDir))).toList();
    }

    @Override
    public List<String> idleNames() {
        return List.of("host");
    }

    @Override
    public String idleName(Environment environment) {
        return "host";
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) {
        return new HostIdle(idle.jvm(), idle.jar());
    }
}
