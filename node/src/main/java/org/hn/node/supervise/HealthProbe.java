package org.hn.node.supervise;

/** Asks the running node how it is, once; the watchdog and the updater's post-restart check use it. */
@FunctionalInterface
public interface HealthProbe {

    /** Probes the node now; never throws, a probe that cannot run is {@link ProbeResult#FAILED}. */
    ProbeResult probe();
}
