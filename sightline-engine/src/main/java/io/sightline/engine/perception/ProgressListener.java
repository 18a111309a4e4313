package io.sightline.engine.perception;

/** Told how far perception has come, 0-100, never going back; called on the perceiving thread. */
@FunctionalInterface
public interface ProgressListener {
    void progress(int percent);

    static ProgressListener ignore() {
        return percent -> {};
    }
}
