package io.wakestream.kws.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.kws.KwsServiceTest;
import io.wakestream.kws.TestModelsDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The enrollment API over HTTP against a real server and broker: every answer, errors as RFC 9457 problems. */
@KwsServiceTest
class EnrollmentApiIT extends TestModelsDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "application/problem+json";

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    @Test
    void aPhraseIsEnrolledReadAndRemoved() throws Exception {
        Answer put = send("PUT", "/v1/streams/api-kitchen.1/keyword", "{\"phrase\": \" Hey Zorblax \"}", KwsServiceTest.API_KEY);

        assertThat(put.status).isEqualTo(200);
        assertThat(put.body.get("streamId").asString()).isEqualTo("api-kitchen.1");
        assertThat(put.body.get("phrase").asString()).isEqualTo("Hey Zorblax");
        assertThat(strings(put.body.get("phones"))).startsWith("HH", "EY").hasSizeGreaterThan(4);
        assertThat(strings(put.body.get("g2pWords"))).containsExactly("zorblax");
        assertThat(put.body.get("updatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Answer get = send("GET", "/v1/streams/api-kitchen.1/keyword", null, KwsServiceTest.API_KEY);
        assertThat(get.status).isEqualTo(200);
        assertThat(get.body).isEqualTo(put.body);

        Answer replaced = send("PUT", "/v1/streams/api-kitchen.1/keyword", "{\"phrase\": \"ok computer\"}", KwsServiceTest.API_KEY);
        assertThat(replaced.body.get("g2pWords")).isEmpty();
        assertThat(send("GET", "/v1/streams/api-kitchen.1/keyword", null, KwsServiceTest.API_KEY).body.get("phrase").asString())
                .isEqualTo("ok computer");

        Answer delete = send("DELETE", "/v1/streams/api-kitchen.1/keyword", null, KwsServiceTest.API_KEY);
        assertThat(delete.status).isEqualTo(204);
        Answer gone = send("GET", "/v1/streams/api-kitchen.1/keyword", null, KwsServiceTest.API_KEY);
        assertProblem(gone, 404, "No phrase enrolled");
        assertThat(gone.body.get("detail").asString()).contains("api-kitchen.1");
        assertThat(send("DELETE", "/v1/streams/never-enrolled/keyword", null, KwsServiceTest.API_KEY).status).isEqualTo(204);
    }

    @Test
    void aConfiguredOriginsPreflightIsAnsweredWithoutAKeyAndOtherOriginsAreNot() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(uri("/v1/streams/api-cors/keyword"))
                .header("Origin", KwsServiceTest.PAGE_ORIGIN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> allowed = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(KwsServiceTest.PAGE_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");

        HttpRequest elsewhere = HttpRequest.newBuilder(uri("/v1/streams/api-cors/keyword"))
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> refused = http.send(elsewhere, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpRequest get = HttpRequest.newBuilder(uri("/v1/streams/api-cors/keyword"))
                .header("Origin", KwsServiceTest.PAGE_ORIGIN).header("X-API-Key", KwsServiceTest.API_KEY).GET().build();
        HttpResponse<String> answered = http.send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(404);
        assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).hasValue(KwsServiceTest.PAGE_ORIGIN);
    }

    @Test
    void aBearerTokenIsAcceptedLikeAnApiKey() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/streams/api-bearer/keyword"))
                .header("Authorization", "Bearer second-key").GET().build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void missingCredentialsAre401AndWrongOnes403() throws Exception {
        Answer missing = send("GET", "/v1/streams/api-auth/keyword", null, null);
        assertProblem(missing, 401, "Credentials missing");
        assertThat(missing.raw.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(missing.body.get("instance").asString()).isEqualTo("/v1/streams/api-auth/keyword");

        assertProblem(send("PUT", "/v1/streams/api-auth/keyword", "{\"phrase\": \"hey jarvis\"}", "wrong-key"), 403,
                "Credentials not accepted");
        HttpRequest wrongBearer = HttpRequest.newBuilder(uri("/v1/streams/api-auth/keyword"))
                .header("Authorization", "Bearer nope").GET().build();
        assertThat(http.send(wrongBearer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpRequest basic = HttpRequest.newBuilder(uri("/v1/streams/api-auth/keyword"))
                .header("Authorization", "Basic dGVzdC1rZXk6").GET().build();
        assertThat(http.send(basic, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void actuatorOnTheManagementPortAndTheOpenApiDocumentNeedNoCredentials() throws Exception {
        Answer health = actuator("/actuator/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.body.at("/components/models/status").asString()).isEqualTo("UP");
        assertThat(health.body.at("/components/enrollments/status").asString()).isEqualTo("UP");
        assertThat(health.body.at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(actuator("/actuator/health/readiness").status).isEqualTo(200);

        Answer info = actuator("/actuator/info");
        assertThat(info.status).isEqualTo(200);
        assertThat(info.body.at("/verifier/model").asString()).isEqualTo("kws-verifier/0.0.0-tiny");
        assertThat(info.body.at("/verifier/encoder").asString()).isEqualTo("phonetic-encoder/0.0.0-tiny");
        assertThat(strings(info.body.get("models").findValues("id").stream().collect(JSON::createArrayNode,
                (a, v) -> a.add(v), (a, b) -> a.addAll(b))))
                .contains("kws-verifier/0.0.0-tiny", "phonetic-encoder/0.0.0-tiny").anyMatch(id -> id.startsWith("g2p/"));

        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("wakestream_kws_verifications_total", "wakestream_kws_enrolled_streams",
                "wakestream_kws_verification_time_seconds", "wakestream_kws_verification_score");

        Answer docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.status).isEqualTo(200);
        JsonNode path = docs.body.at("/paths/~1v1~1streams~1{streamId}~1keyword");
        assertThat(path.has("put")).isTrue();
        assertThat(path.has("get")).isTrue();
        assertThat(path.has("delete")).isTrue();
        assertThat(docs.body.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");

        // Actuator exposes health, info and prometheus only: no metrics browser, environment or heap dump
        for (String hidden : new String[] {"/actuator/metrics", "/actuator/env", "/actuator/heapdump", "/actuator/loggers"}) {
            assertThat(get(managementPort, hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void thePublicPortServesNoActuatorAndTheManagementPortNoApi() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String actuator : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/actuator/prometheus"}) {
            assertThat(get(port, actuator).statusCode()).as("public port " + actuator).isEqualTo(404);
            assertThat(get(managementPort, actuator).statusCode()).as("management port " + actuator).isEqualTo(200);
        }
        HttpRequest enrollment = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/v1/streams/api-management/keyword")).header("X-API-Key", KwsServiceTest.API_KEY).GET().build();
        assertThat(http.send(enrollment, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/v3/api-docs").statusCode()).isEqualTo(404);
    }

    @Test
    void everyInvalidPhraseIs400NamingWhatIsWrong() throws Exception {
        assertInvalidPhrase("\"\"", "empty");
        assertInvalidPhrase("\"   \"", "empty");
        assertInvalidPhrase("\"one two three four five six seven\"", "too_many_words");
        assertInvalidPhrase("\"" + "abcdefghij".repeat(4) + "k\"", "too_long");
        assertInvalidPhrase("\"hey jarvis!\"", "invalid_characters");
        assertInvalidPhrase("\"eh\"", "too_few_phones");
        assertInvalidPhrase("\"日本\"", "not_pronounceable");
        assertInvalidPhrase("null", "empty");
    }

    @Test
    void aBadBodyOrMediaTypeIs400Or415AsAProblem() throws Exception {
        assertProblem(send("PUT", "/v1/streams/api-body/keyword", "{\"phrase\": ", KwsServiceTest.API_KEY), 400, null);
        assertProblem(send("PUT", "/v1/streams/api-body/keyword", "{}", KwsServiceTest.API_KEY), 400, "Invalid request body");
        assertProblem(send("PUT", "/v1/streams/api-body/keyword", "", KwsServiceTest.API_KEY), 400, null);
        HttpRequest text = HttpRequest.newBuilder(uri("/v1/streams/api-body/keyword"))
                .header("X-API-Key", KwsServiceTest.API_KEY).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("hey jarvis")).build();
        HttpResponse<String> response = http.send(text, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM));
    }

    @Test
    void aBadStreamIdIs400() throws Exception {
        for (String path : List.of("/v1/streams/" + "s".repeat(129) + "/keyword", "/v1/streams/a%20b/keyword",
                "/v1/streams/a*b/keyword", "/v1/streams/%C3%A9t%C3%A9/keyword", "/v1/streams//keyword")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                Answer answer = send(method, path, method.equals("PUT") ? "{\"phrase\": \"hey jarvis\"}" : null,
                        KwsServiceTest.API_KEY);
                assertProblem(answer, 400, "Invalid stream id");
            }
        }
    }

    private void assertInvalidPhrase(String phraseJson, String code) throws Exception {
        Answer answer = send("PUT", "/v1/streams/api-phrase/keyword", "{\"phrase\": " + phraseJson + "}", KwsServiceTest.API_KEY);
        if (phraseJson.equals("null")) {
            assertProblem(answer, 400, "Invalid request body");
            return;
        }
        assertProblem(answer, 400, "Invalid phrase");
        List<String> codes = new ArrayList<>();
        answer.body.get("violations").forEach(v -> codes.add(v.get("code").asString()));
        assertThat(codes).as(phraseJson).contains(code);
        assertThat(answer.body.get("detail").asString()).isNotBlank();
    }

    private static void assertProblem(Answer answer, int status, String title) {
        assertThat(answer.status).as(answer.raw.body()).isEqualTo(status);
        assertThat(answer.contentType).startsWith(PROBLEM);
        assertThat(answer.body.get("status").asInt()).isEqualTo(status);
        if (title != null) {
            assertThat(answer.body.get("title").asString()).isEqualTo(title);
        }
    }

    private Answer send(String method, String path, String body, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** GET {@code path} on the management port, without credentials. */
    private Answer actuator(String path) throws IOException, InterruptedException {
        return answer(get(managementPort, path));
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Answer answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), type, json, response);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
