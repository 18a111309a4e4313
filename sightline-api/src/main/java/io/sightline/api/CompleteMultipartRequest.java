package io.sightline.api;

import java.util.List;

/** Lists the parts, in order, that make the file; each sha256 must match the stored part's. */
public record CompleteMultipartRequest(List<PartRef> parts) {
    public record PartRef(int partNumber, String sha256) {}
}
