package io.wakestream.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enroll the phrase kws-service verifies a stream's detections against, through its HTTP API: "
                + "prints the enrollment as JSON ({\"streamId\", \"phrase\", \"phones\", \"g2pWords\", \"updatedAt\"}). "
                + "--get prints the enrolled phrase, --delete removes it.")
public class EnrollCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--stream-id", required = true, description = "The stream.")
    String streamId;

    @ArgGroup(exclusive = true)
    Action action = new Action();

    static final class Action {
        @Option(names = "--get", description = "Print the stream's enrolled phrase instead.")
        boolean get;

        @Option(names = "--delete", description = "Remove the stream's phrase instead.")
        boolean delete;
    }

    @Option(names = "--url", defaultValue = "${env:WAKESTREAM_KWS_URL:-http://localhost:8082}",
            description = "kws-service's base URL (default: ${DEFAULT-VALUE}; `up` starts it on port 8082).")
    String url;

    @Option(names = "--api-key", defaultValue = "${env:WAKESTREAM_API_KEY}",
            description = "The API key (default: $WAKESTREAM_API_KEY); not needed when the service has none configured.")
    String apiKey;

    @Option(names = "--timeout", defaultValue = "15", description = "Seconds to wait for the answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(paramLabel = "PHRASE", arity = "0..*", description = "The phrase; several arguments are joined by spaces.")
    List<String> phrase;

    @Override
    public Integer call() throws InterruptedException {
        boolean put = !action.get && !action.delete;
        if (put == (phrase == null || phrase.isEmpty())) {
            throw new UserError(put ? "give the phrase to enroll, e.g. wakestream enroll --stream-id kitchen-1 \"hey jarvis\""
                    : "--get and --delete take no phrase");
        }
        URI uri = URI.create(url.replaceAll("/+$", "") + "/v1/streams/"
                + URLEncoder.encode(streamId, StandardCharsets.UTF_8).replace("+", "%20") + "/keyword");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Accept", "application/json, application/problem+json");
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        if (action.get) {
            request.GET();
        } else if (action.delete) {
            request.DELETE();
        } else {
            String body = JSON.createObjectNode().put("phrase", String.join(" ", phrase)).toString();
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new UserError(describe(response));
        }
        if (!response.body().isBlank()) {
            System.out.println(JSON.readTree(response.body()).toString());
        }
        return 0;
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UserError("no kws-service answers at " + url + "; start one with ./wakestream up, or pass --url", e);
        } catch (HttpTimeoutException e) {
            throw new UserError("kws-service at " + url + " did not answer within " + timeoutSeconds + " s", e);
        } catch (IOException e) {
            throw new UserError("cannot reach kws-service at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The problem's title and detail (and, for an invalid phrase, each rule broken), plus what to do for 401/403. */
    private static String describe(HttpResponse<String> response) {
        String text = "HTTP " + response.statusCode();
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.hasNonNull("title")) {
                text += " " + problem.get("title").asString();
            }
            if (problem.hasNonNull("detail")) {
                text += ": " + problem.get("detail").asString();
            }
        } catch (JacksonException e) {
            // not a problem body; the status says enough
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            text += "; pass the service's key with --api-key (or WAKESTREAM_API_KEY)";
        }
        return text;
    }
}
