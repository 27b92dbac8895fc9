package io.isobench.evidence;

import java.net.InetSocketAddress;

/** {@link ServiceCalls#read} for the tests of other packages. */
public final class ServiceCallsProbe {

    private ServiceCallsProbe() {
    }

    public static long[] read(InetSocketAddress service) {
        return ServiceCalls.read(service);
    }
}
