package io.isobench.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The micro rows that explain a benchmark's rows, read from its {@link ExplainedBy} annotations. */
public final class MicroRows {

    /**
     * One micro row: a benchmark method by its full name, the parameters its rows must have (empty: any), and why it
     * explains the application row.
     */
    public record Micro(String benchmark, Map<String, String> params, String why) {

        public Micro {
            params = Map.copyOf(params);
        }

        /** Whether a result of {@code name} with {@code rowParams} is one of this micro row's. */
        public boolean matches(String name, Map<String, String> rowParams) {
            return benchmark.equals(name) && params.entrySet().stream()
                    .allMatch(p -> p.getValue().equals(rowParams.get(p.getKey())));
        }
    }

    private MicroRows() {
    }

    /**
     * The micro rows of a benchmark method given by its full name ({@code io.isobench.app.X.method}): its method's
     * annotations, then its class's; empty for a name that is not a benchmark of this build or explains nothing.
     */
    public static List<Micro> of(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        if (dot <= 0) {
            return List.of();
        }
        Class<?> type;
        try {
            type = Class.forName(benchmark.substring(0, dot), false, MicroRows.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        String methodName = benchmark.substring(dot + 1);
        List<ExplainedBy> annotations = new ArrayList<>();
        Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName)).findFirst()
                .map(m -> m.getAnnotationsByType(ExplainedBy.class)).ifPresent(a -> annotations.addAll(List.of(a)));
        annotations.addAll(List.of(type.getAnnotationsByType(ExplainedBy.class)));
        return annotations.stream().map(MicroRows::micro).toList();
    }

    private static Micro micro(ExplainedBy explained) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : explained.params()) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("an @ExplainedBy parameter is name=value, got '" + param + "'");
            }
            params.put(param.substring(0, eq), param.substring(eq + 1));
        }
        return new Micro(explained.benchmark().getName() + "." + explained.method(), params, explained.why());
    }
}
