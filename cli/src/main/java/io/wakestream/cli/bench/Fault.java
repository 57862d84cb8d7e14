package io.wakestream.cli.bench;

/**
 * A fault injected into a running cluster under load: {@link #begin()} at the scenario's fault time, {@link #end()} once
 * the fault has lasted its time. A fault that is one action (a restart) does all of it in {@code begin}.
 */
public interface Fault {

    /** Injects the fault; returns when the action is done (e.g. the restarted process is ready again). */
    void begin() throws Exception;

    /** Takes the fault away (e.g. removes the delay, stops the added instance); nothing for a one-action fault. */
    default void end() throws Exception {
    }

    /** Poison pills sent, for the poison scenario; 0 otherwise. */
    default long poisonSent() {
        return 0;
    }
}
