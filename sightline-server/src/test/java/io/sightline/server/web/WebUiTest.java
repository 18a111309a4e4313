package io.sightline.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.sightline.api.Folder;
import io.sightline.api.FolderRequest;
import io.sightline.api.Playback;
import io.sightline.api.Scope;
import io.sightline.api.Segment;
import io.sightline.api.Video;
import io.sightline.sdk.NotFoundException;
import io.sightline.sdk.UploadParams;
import io.sightline.server.testing.RawHttp;
import io.sightline.server.testing.TestServer;
import io.sightline.server.testing.TestVideos;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser (Debian's Chromium through Playwright) against a real server:
 * sign in, drop a generated clip with its metadata sidecar, watch it get processed, play it,
 * seek from the timeline, see what is perceived, delete it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the lifecycle test runs last, so its screenshots show a library with videos
class WebUiTest {

    private static final double CLIP_SECONDS = 4.0;
    private static final Duration PROCESSING = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    static Path clips;
    private static Chromium chromium;
    private static TestServer server;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requestUrls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        chromium = Chromium.launch();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void openPage() {
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onRequest(request -> requestUrls.add(request.url()));
    }

    @AfterEach
    void closePage() {
        try {
            assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
            assertThat(requestUrls).as("no request URL carries the API key").noneMatch(url -> url.contains(server.adminKey()));
        } finally {
            context.close();
        }
    }

    @Test
    @Order(1)
    void signIn_whenKeyIsWrongThenRight_showsErrorThenLibraryAndKeepsKeyOutOfUrlsAndLocalStorage() {
        page.navigate(server.baseUrl() + "/");
        Chromium.screenshot(page, "sign-in");
        page.locator("#api-key").fill("sl_not_a_real_key");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        PlaywrightAssertions.assertThat(page.locator(".form-error")).containsText("not accepted");
        assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);

        signIn();
        PlaywrightAssertions.assertThat(page.locator(".who-name")).not().isEmpty();
        assertThat(page.url()).doesNotContain(server.adminKey());
        assertThat(page.evaluate("() => localStorage.length")).isEqualTo(0);

        page.reload(); // the key survives a reload of the tab
        PlaywrightAssertions.assertThat(page.locator(".library")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        PlaywrightAssertions.assertThat(page.locator("#api-key")).isVisible();
        assertThat(page.evaluate("() => sessionStorage.length")).isEqualTo(0);
    }

    @Test
    @Order(4)
    void videoLifecycle_whenClipAndSidecarDroppedOnFolder_uploadsProcessesPlaysSeeksAndDeletes() throws Exception {
        Folder folder = server.sdk().folders().create(new FolderRequest("Browser test", Scope.USER));
        Path clip = TestVideos.h264(clips, "drive.mp4", CLIP_SECONDS);
        Path sidecar = TestVideos.write(clips, "drive.json", """
                {"description": "test drive", "properties": {"camera": "front"},
                 "fields": [{"name": "speed", "type": "number", "unit": "km/h",
                             "values": [{"t": 0, "value": 42}, {"t": 2, "value": 50}]}]}
                """.getBytes(StandardCharsets.UTF_8));

        signIn();
        page.navigate(server.baseUrl() + "/#/library?folder=" + folder.id());
        PlaywrightAssertions.assertThat(page.locator("#library-heading")).hasText("Browser test");
        PlaywrightAssertions.assertThat(page.locator(".empty-title")).hasText("No videos here yet");

        // Record every state an upload row goes through, to see it change live without a reload.
        page.evaluate("""
                () => { window.uploadStates = [];
                  new MutationObserver(changes => changes.forEach(c => window.uploadStates.push(c.target.dataset.state)))
                    .observe(document.querySelector('.upload-list'), { subtree: true, attributeFilter: ['data-state'] }); }""");
        CDPSession network = throttleUploads(Files.size(clip) / 3); // about three seconds of upload progress
        dropFiles(".library-main", clip, sidecar);

        Locator upload = page.locator(".upload-item").first();
        PlaywrightAssertions.assertThat(upload.locator(".upload-name")).hasText("drive.mp4");
        PlaywrightAssertions.assertThat(upload.locator(".upload-size")).containsText("+ metadata");
        page.waitForFunction("""
                () => { const bar = document.querySelector('.upload-item .bar');
                  const value = Number(bar.getAttribute('aria-valuenow'));
                  return bar.dataset.state === 'uploading' && value > 0 && value < 100; }""");
        if (Chromium.screenshotsWanted()) {
            page.waitForFunction("() => Number(document.querySelector('.upload-item .bar').getAttribute('aria-valuenow')) > 40");
            Chromium.screenshot(page, "upload");
        }
        unthrottle(network);
        if (Chromium.screenshotsWanted()) {
            page.waitForFunction("() => document.querySelector('.upload-item .step-in_progress')", null,
                    new Page.WaitForFunctionOptions().setTimeout(PROCESSING.toMillis()));
            Chromium.screenshot(page, "upload-processing");
        }

        PlaywrightAssertions.assertThat(upload).hasAttribute("data-state", "processed",
                new LocatorAssertions.HasAttributeOptions().setTimeout(PROCESSING.toMillis()));
        String videoId = upload.getAttribute("data-video-id");
        assertThat(videoId).isNotBlank();
        assertThat(upload.locator(".step").count()).isGreaterThanOrEqualTo(4);
        assertThat(upload.locator(".step").count()).isEqualTo(upload.locator(".step[data-state=completed]").count());
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) page.evaluate("() => window.uploadStates");
        assertThat(states).containsSubsequence("uploading", "processing", "processed");

        Locator card = page.locator(".card[data-video-id='" + videoId + "']");
        PlaywrightAssertions.assertThat(card).hasAttribute("data-status", "processed");
        PlaywrightAssertions.assertThat(card.locator(".duration")).hasText("0:04");
        page.waitForFunction("id => document.querySelector(`.card[data-video-id='${id}'] img`)?.naturalWidth > 0", videoId);
        if (Chromium.screenshotsWanted()) { // the whole library, with the other tests' videos
            page.locator(".nav-link", new Page.LocatorOptions().setHasText("All videos")).click();
            page.waitForFunction("""
                    () => { const images = [...document.querySelectorAll('.card img')];
                      return images.length > 0 && images.length === document.querySelectorAll('.card[data-status=processed]').length
                        && images.every(img => img.complete && img.naturalWidth > 0); }""");
            Chromium.screenshot(page, "library");
            page.goBack();
        }

        card.locator(".card-link").click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("drive.mp4");
        PlaywrightAssertions.assertThat(page.locator(".details")).containsText("h264");
        PlaywrightAssertions.assertThat(page.locator(".details")).containsText("test drive");
        Locator track = page.locator(".timeline-track");
        PlaywrightAssertions.assertThat(track).isVisible();

        page.evaluate("() => { const video = document.querySelector('video'); video.muted = true; return video.play(); }");
        page.waitForFunction("() => document.querySelector('video').currentTime > 1");
        page.evaluate("() => document.querySelector('video').pause()");

        // Clicking the timeline seeks: onto a segment's start when perception drew segments there, else to the time clicked.
        BoundingBox box = track.boundingBox();
        track.click(new Locator.ClickOptions().setPosition(box.width * 0.75, box.height / 2));
        Object segmentStart = page.evaluate("""
                () => [...document.querySelectorAll('.segment')].map(s => Number(s.dataset.start))
                  .filter(start => start <= 0.75 * document.querySelector('.timeline-track').dataset.duration).pop() ?? null""");
        double expected = segmentStart == null ? 0.75 * CLIP_SECONDS : ((Number) segmentStart).doubleValue();
        waitForSeek(expected);
        if (segmentStart == null) { // the sidecar's speed at 3 s is the value recorded at 2 s
            PlaywrightAssertions.assertThat(page.locator(".now-sidecar")).containsText("50 km/h");
        }
        PlaywrightAssertions.assertThat(page.locator(".now-time")).containsText("At 0:0");
        PlaywrightAssertions.assertThat(page.locator(".player-page")).hasAttribute("data-perception",
                java.util.regex.Pattern.compile("ready|pending|unavailable"));

        // The storyboard scrubber shows the sprite tile for the time under the pointer.
        Playback playback = server.sdk().videos().playback(videoId);
        track.hover(new Locator.HoverOptions().setPosition(box.width * 0.05, box.height / 2));
        Locator tile = page.locator(".preview-tile");
        PlaywrightAssertions.assertThat(page.locator(".preview")).isVisible();
        assertThat((String) tile.evaluate("e => e.style.backgroundImage")).contains("storyboard");
        String firstTile = (String) tile.evaluate("e => e.style.backgroundPosition");
        track.hover(new Locator.HoverOptions().setPosition(box.width * 0.95, box.height / 2));
        if (playback.storyboard() != null && playback.storyboard().tiles() > 1) {
            assertThat((String) tile.evaluate("e => e.style.backgroundPosition")).isNotEqualTo(firstTile);
        }

        // Delete: Escape backs out of the confirmation, the dialog's button deletes.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        PlaywrightAssertions.assertThat(page.locator("dialog[open]")).isVisible();
        page.keyboard().press("Escape");
        PlaywrightAssertions.assertThat(page.locator("dialog")).hasCount(0);
        assertThat(server.sdk().videos().get(videoId).id()).isEqualTo(videoId);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete video")).click();
        page.waitForFunction("() => location.hash.startsWith('#/library')");
        PlaywrightAssertions.assertThat(page.locator(".empty-title")).hasText("No videos here yet");
        assertThatThrownBy(() -> server.sdk().videos().get(videoId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @Order(3)
    void perceptionTimeline_whenVideoHasSegments_clickingSegmentSeeksAndObjectBoxIsDrawn() throws Exception {
        Video video = uploadProcessed(PersonClip.write(clips.resolve("person.mp4"), CLIP_SECONDS));
        HttpResponse<String> response = new RawHttp(server.baseUrl(), server.adminKey()).get("/v1/videos/" + video.id() + "/segments");
        assumeTrue(response.statusCode() == 200, "GET /v1/videos/{id}/segments answered " + response.statusCode()
                + ": perception has not landed, so seeking by segment and object boxes are not checked yet");
        List<Segment> segments = JSON.readValue(response.body(), new TypeReference<>() {});
        assertThat(segments).isNotEmpty();

        signIn();
        page.navigate(server.baseUrl() + "/#/videos/" + video.id());
        PlaywrightAssertions.assertThat(page.locator(".player-page")).hasAttribute("data-perception", "ready");
        PlaywrightAssertions.assertThat(page.locator(".segment")).hasCount(segments.size());

        Segment target = segments.get(segments.size() > 1 ? 1 : 0);
        page.locator(".segment[data-index='" + target.index() + "']").click();
        waitForSeek(target.startSeconds());
        PlaywrightAssertions.assertThat(page.locator(".segment.active")).hasAttribute("data-index", String.valueOf(target.index()));

        Segment.SegmentObject seen = segments.stream().flatMap(s -> s.objects().stream())
                .filter(o -> !o.boxes().isEmpty()).findFirst().orElse(null);
        assertThat(seen).as("an object perceived in the clip of a person").isNotNull();
        Segment.BoxAt at = seen.boxes().get(seen.boxes().size() / 2);
        page.evaluate("t => { document.querySelector('video').currentTime = t; }", at.t());
        Locator drawn = page.locator(".box[data-track='" + seen.trackId() + "']");
        PlaywrightAssertions.assertThat(drawn).isVisible();
        PlaywrightAssertions.assertThat(drawn.locator(".box-label")).containsText(seen.label());
        double left = ((Number) drawn.evaluate("e => parseFloat(e.style.left)")).doubleValue();
        assertThat(left).isCloseTo(at.x1() * 100, org.assertj.core.data.Offset.offset(10.0));
        PlaywrightAssertions.assertThat(page.locator(".object-list")).containsText(seen.label());
        if (Chromium.screenshotsWanted()) {
            page.waitForFunction("() => { const v = document.querySelector('video'); return !v.seeking && v.readyState >= 3; }");
            Locator track = page.locator(".timeline-track");
            BoundingBox bar = track.boundingBox();
            track.hover(new Locator.HoverOptions().setPosition(bar.width * 0.7, bar.height / 2));
            page.waitForTimeout(1500); // lets the native controls drop their loading spinner
            Chromium.screenshot(page, "player");
        }
    }

    @Test
    @Order(2)
    void layout_whenPhoneWidth_nothingOverflowsAndSidePanelStacksUnderPlayer() {
        Video video = uploadProcessed(TestVideos.h264(clips, "phone.mp4", CLIP_SECONDS));
        page.setViewportSize(390, 844);
        signIn();
        PlaywrightAssertions.assertThat(page.locator(".card[data-video-id='" + video.id() + "']")).isVisible();
        assertNoHorizontalOverflow();
        Chromium.screenshot(page, "library-phone");

        page.locator(".card[data-video-id='" + video.id() + "'] .card-link").click();
        PlaywrightAssertions.assertThat(page.locator(".timeline-track")).isVisible();
        assertNoHorizontalOverflow();
        BoundingBox player = page.locator(".video-box").boundingBox();
        BoundingBox panel = page.locator(".now-panel").boundingBox();
        assertThat(panel.y).isGreaterThanOrEqualTo(player.y + player.height);
        Chromium.screenshot(page, "player-phone");
    }

    private void signIn() {
        if (!page.url().startsWith(server.baseUrl())) page.navigate(server.baseUrl() + "/");
        page.locator("#api-key").fill(server.adminKey());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        PlaywrightAssertions.assertThat(page.locator(".library")).isVisible();
    }

    private Video uploadProcessed(Path clip) {
        Video video = server.sdk().uploads().upload(UploadParams.builder(clip).build());
        return server.sdk().videos().waitUntilProcessed(video.id(), PROCESSING);
    }

    /** Drops files on an element the way a browser does: dragenter, then drop with a DataTransfer. */
    private void dropFiles(String selector, Path... files) throws Exception {
        List<Map<String, String>> payload = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            payload.add(Map.of("name", name, "type", name.endsWith(".json") ? "application/json" : "video/mp4",
                    "data", Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
        }
        JSHandle transfer = page.evaluateHandle("""
                files => { const transfer = new DataTransfer();
                  for (const f of files) {
                    const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                    transfer.items.add(new File([bytes], f.name, { type: f.type }));
                  }
                  return transfer; }""", payload);
        page.dispatchEvent(selector, "dragenter", Map.of("dataTransfer", transfer));
        PlaywrightAssertions.assertThat(page.locator(".drop-hint")).isVisible();
        page.dispatchEvent(selector, "drop", Map.of("dataTransfer", transfer));
        PlaywrightAssertions.assertThat(page.locator(".drop-hint")).isHidden();
    }

    private CDPSession throttleUploads(long bytesPerSecond) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        cdp.send("Network.emulateNetworkConditions", conditions(Math.max(8 * 1024, bytesPerSecond)));
        return cdp;
    }

    private static void unthrottle(CDPSession cdp) {
        cdp.send("Network.emulateNetworkConditions", conditions(-1));
        cdp.detach();
    }

    private static JsonObject conditions(long uploadBytesPerSecond) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", uploadBytesPerSecond);
        return conditions;
    }

    private void waitForSeek(double seconds) {
        page.waitForFunction("t => { const v = document.querySelector('video'); return !v.seeking && Math.abs(v.currentTime - t) < 0.15; }",
                seconds);
    }

    private void assertNoHorizontalOverflow() {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        @SuppressWarnings("unchecked")
        List<Number> pair = (List<Number>) widths;
        assertThat(pair.get(0).intValue()).as("page width at " + pair.get(1) + " px").isLessThanOrEqualTo(pair.get(1).intValue());
    }
}
