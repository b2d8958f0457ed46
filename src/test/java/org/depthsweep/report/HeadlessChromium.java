package org.depthsweep.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol on 127.0.0.1, with the JDK's WebSocket
 * client: opens one page and evaluates JavaScript in it.
 *
 * <p>Chromium starts with a fresh profile folder and every background service off, so it makes no network request
 * of its own. The DevTools port is chosen by Chromium ({@code --remote-debugging-port=0}) and read from the
 * {@code DevToolsActivePort} file it writes into the profile folder.
 */
final class HeadlessChromium implements AutoCloseable {
    /** Command tried when the {@code CHROMIUM} environment variable is unset: Debian's package installs it. */
    static final String DEFAULT_COMMAND = "chromium";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCREENSHOT_WIDTH = 1400;
    private static final int SCREENSHOT_HEIGHT = 1000;

    private final Process process;
    private WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process) {
        this.process = process;
    }

    /**
     * Returns the Chromium command: the {@code CHROMIUM} environment variable, else {@link #DEFAULT_COMMAND} when it
     * is on the PATH, else null.
     */
    static String findCommand() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, DEFAULT_COMMAND))) {
                return DEFAULT_COMMAND;
            }
        }
        return null;
    }

    /**
     * Starts Chromium on a URL and connects to its page.
     *
     * @param command    Chromium executable
     * @param url        page to open, such as a {@code file://} URL
     * @param profileDir an empty folder for the browser profile
     * @throws IOException if Chromium does not start or its page does not appear within a minute
     */
    static HeadlessChromium open(String command, String url, Path profileDir) throws IOException,
            InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--user-data-dir=" + profileDir, "--window-size=" + SCREENSHOT_WIDTH + "," + SCREENSHOT_HEIGHT,
                url));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
                .redirectOutput(profileDir.resolveSibling(profileDir.getFileName() + ".log").toFile()).start();
        HeadlessChromium browser = new HeadlessChromium(process);
        try {
            int port = readPort(profileDir.resolve("DevToolsActivePort"), process);
            String socketUrl = pageSocketUrl(port, url);
            browser.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(socketUrl), browser.new Listener())
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            browser.close();
            throw e;
        } catch (Exception e) {
            browser.close();
            throw new IOException("could not connect to Chromium's DevTools: " + e, e);
        }
    }

    private static int readPort(Path file, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Chromium exited with code " + process.exitValue() + " before opening its "
                        + "DevTools port; see the .log file beside " + file.getParent());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium did not write " + file + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static String pageSocketUrl(int port, String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(response.body())) {
                if ("page".equals(target.path("type").asText()) && target.path("url").asText().equals(url)) {
                    return target.path("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no page for " + url + " in Chromium's DevTools target list");
    }

    /**
     * Evaluates a JavaScript expression in the page, awaiting it when it is a promise, and returns its value as
     * JSON.
     *
     * @throws IOException if the call fails, times out or the expression throws
     */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /**
     * Saves a PNG screenshot of the page's full height, 1400 CSS pixels wide, for a person to look at. The viewport
     * is set first because headless Chromium 156 at times reported a width of 0 and refused the capture.
     */
    void screenshot(Path file) throws IOException {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", SCREENSHOT_WIDTH, "height", SCREENSHOT_HEIGHT,
                "deviceScaleFactor", 1, "mobile", false));
        JsonNode result = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(file, Base64.getDecoder().decode(result.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws IOException {
        int id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
        try {
            socket.sendText(message, true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(method + " failed or timed out after " + CALL_TIMEOUT.toSeconds() + " s: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Collects text frames into messages and completes the pending call each reply names. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.get(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message: " + text, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        stop(process);
    }

    /** Stops Chromium and the helper processes it started, and waits for them. */
    private static void stop(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                helpers.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
