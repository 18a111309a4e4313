package io.sightline.motion.track;

import java.util.List;
import java.util.Set;

/**
 * A track's motion relative to the camera over a span of time.
 *
 * @param labels        the motions that hold (several may: approaching while cutting in)
 * @param findings      one per label, with its rule and evidence
 * @param kinematics    all the numbers, also when no label holds
 * @param proximity     closeness proxy at the end of the span
 * @param timeToContact time-to-contact proxy in seconds (infinite when the object is not getting bigger)
 */
public record TrackMotion(Set<RelativeMotion> labels, List<MotionFinding> findings, TrackKinematics kinematics,
                          Proximity proximity, double timeToContact) {
    public TrackMotion {
        labels = Set.copyOf(labels);
        findings = List.copyOf(findings);
    }

    public boolean has(RelativeMotion motion) {
        return labels.contains(motion);
    }
}
