package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OCI runtime that served a container, as the launcher saw it on the host (the suite inside cannot): runc, crun
 * or runsc, the name the engine registered it under, its path and version, and for gVisor its platform and network.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerRuntime(String runtime, String runtimeName, String runtimePath, String runtimeVersion,
                               String gvisorPlatform, String gvisorNetwork) {

    @JsonIgnore
    public boolean isEmpty() {
        return runtime == null && runtimeName == null && runtimePath == null && runtimeVersion == null
                && gvisorPlatform == null && gvisorNetwork == null;
    }

    /** Whether the runtime is gVisor's, whose kernel is its own. */
    @JsonIgnore
    public boolean isGvisor() {
        return "runsc".equals(runtime);
    }
}
