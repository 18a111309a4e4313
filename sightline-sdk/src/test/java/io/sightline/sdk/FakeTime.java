package io.sightline.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A clock that moves only when the client sleeps, and remembers every sleep. */
final class FakeTime implements Sleeper {
    private volatile Instant now = Instant.parse("2025-03-01T12:00:00Z");
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    Instant now() {
        return now;
    }

    List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    Duration slept() {
        return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
