package io.sightline.sdk;

import java.time.Duration;

/** How the client waits between retries and polls; tests pass one that does not wait. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
