package io.sightline.sdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a loopback port, answering each request with what the test scripted —
 * in the spirit of okhttp's MockWebServer. Requests are recorded with their bodies.
 */
public final class TestServer implements AutoCloseable {
    /** A request as it arrived. */
    public record Recorded(String method, String path, Map<String, String> query, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String target() {
            return method + " " + path;
        }
    }

    /** What to answer; {@code dropConnection} closes the socket without any response. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean dropConnection) {
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), false);
        }

        public static Reply empty(int status) {
            return new Reply(status, Map.of(), new byte[0], false);
        }

        public static Reply error(int status, String code, String message) {
            return json(status, "{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message
                    + "\",\"requestId\":\"req-body\"}");
        }

        public static Reply drop() {
            return new Reply(0, Map.of(), new byte[0], true);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body, dropConnection);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
    private volatile Function<Recorded, Reply> handler;

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public static TestServer start() throws IOException {
        return new TestServer();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replies served in order, before the handler is asked. */
    public TestServer enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** Answers every request the queue does not; may be called from several threads at once. */
    public TestServer handle(Function<Recorded, Reply> handler) {
        this.handler = handler;
        return this;
    }

    /** Takes over one path prefix with a raw handler that reads the body itself (for bodies too big to record). */
    public TestServer raw(String pathPrefix, HttpHandler raw) {
        server.createContext(pathPrefix, raw);
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body);
            requests.add(recorded);
            Reply reply = queue.poll();
            if (reply == null && handler != null) reply = handler.apply(recorded);
            if (reply == null) reply = Reply.error(500, "internal", "the test did not script " + recorded.target());
            if (reply.dropConnection()) {
                closeAbruptly(exchange);
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            boolean noBody = reply.body().length == 0;
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    /** Closing the exchange before any response makes the server drop the connection. */
    private static void closeAbruptly(HttpExchange exchange) {
        exchange.close();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
