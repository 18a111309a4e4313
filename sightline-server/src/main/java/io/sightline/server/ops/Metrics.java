package io.sightline.server.ops;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;

/** Prometheus metrics of the HTTP layer, served at {@code /metrics}. */
public final class Metrics {

    private static final String STARTED = "sightline.metrics.started";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("sightline_http_requests_total").help("HTTP requests by route and status")
            .labelNames("method", "route", "status").register(registry);
    private final Histogram latency = Histogram.builder()
            .name("sightline_http_request_duration_seconds").help("HTTP request latency")
            .labelNames("method", "route").register(registry);

    public void register(Javalin app) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(this::record);
        app.get("/metrics", ctx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
            writer.write(out, registry.scrape());
            ctx.contentType(writer.getContentType()).result(out.toByteArray());
        });
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        String route = ctx.endpointHandlerPath();
        if (route == null || route.isEmpty() || route.equals("*")) route = "unmatched";
        requests.labelValues(ctx.method().name(), route, Integer.toString(ctx.statusCode())).inc();
        if (started != null) latency.labelValues(ctx.method().name(), route).observe((System.nanoTime() - started) / 1e9);
    }
}
