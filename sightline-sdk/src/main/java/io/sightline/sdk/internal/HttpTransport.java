package io.sightline.sdk.internal;

import io.sightline.sdk.ConnectionException;
import io.sightline.sdk.SightlineException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The JDK {@link HttpClient}, with I/O failures turned into {@link ConnectionException}. */
public final class HttpTransport implements Transport {
    private final HttpClient client;

    public HttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public RawResponse send(HttpRequest request, boolean idempotent) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new RawResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            boolean sent = !neverReachedServer(e);
            String what = request.method() + " " + request.uri().getPath();
            throw new ConnectionException(what + " failed: " + describe(e), e, sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SightlineException("interrupted while waiting for " + request.method() + " " + request.uri().getPath(), e);
        }
    }

    /** Connection refused or a connect timeout: the server cannot have seen a byte of the request. */
    private static boolean neverReachedServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) return true;
        }
        return false;
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException && e.getMessage() == null) return "connection refused";
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
