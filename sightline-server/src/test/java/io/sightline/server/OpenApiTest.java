package io.sightline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import io.sightline.server.testing.RawHttp;
import io.sightline.server.testing.TestServer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    @Test
    void openApiDocument_listsExactlyTheServersRoutes() throws Exception {
        try (TestServer server = TestServer.start()) {
            var response = new RawHttp(server.baseUrl(), null).get("/v1/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(response.body());
            assertThat(doc.get("openapi").asText()).startsWith("3.1");

            Set<String> documented = new TreeSet<>();
            for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                doc.get("paths").get(path).fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
            }
            Set<String> served = new TreeSet<>();
            for (ParsedEndpoint endpoint : server.server().app().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
                String method = endpoint.getEndpoint().getMethod().name();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                served.add(method + " " + endpoint.getEndpoint().getPath().replace("<file>", "{file}"));
            }
            assertThat(documented).isEqualTo(served);
            assertThat(doc.at("/components/schemas/Video/properties/status/$ref").isMissingNode()).isTrue();
            assertThat(doc.at("/components/schemas/Video/properties/status/enum").toString()).contains("processed");
        }
    }

    @Test
    void metrics_countRequestsByRoute() throws Exception {
        try (TestServer server = TestServer.start()) {
            var raw = new RawHttp(server.baseUrl(), server.adminKey());
            raw.get("/v1/videos");
            String metrics = new RawHttp(server.baseUrl(), null).get("/metrics").body();
            assertThat(metrics).contains("sightline_http_requests_total{method=\"GET\",route=\"/v1/videos\",status=\"200\"}");
        }
    }
}
