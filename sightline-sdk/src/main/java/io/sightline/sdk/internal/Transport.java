package io.sightline.sdk.internal;

import java.net.http.HttpRequest;

/** Sends one request and returns whatever status came back; throws only when no response arrived. */
public interface Transport {
    /**
     * @param idempotent whether sending the request twice has the same effect as once; decides
     *                   what a retrying transport may do after a failure
     * @throws io.sightline.sdk.ConnectionException when no response arrived
     */
    RawResponse send(HttpRequest request, boolean idempotent);
}
