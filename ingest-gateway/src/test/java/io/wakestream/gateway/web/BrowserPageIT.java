package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wakestream.events.v1.StageScore;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.gateway.IngestGatewayApplication;
import io.wakestream.gateway.Results;
import io.wakestream.wakeword.WakewordServiceApplication;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The gateway's page in a real browser, as a new user opens it: Debian's headless Chromium, its microphone a
 * fake device playing a WAV file (looped), driven by Selenium through chromium-driver. Behind the page run the
 * gateway, wakeword-service with the shipped model from {@code ../models}, and an in-process KRaft broker, so
 * detections really happen. The decision the test writes to {@code voice.decisions.v1} pins how the page shows a
 * degraded one (a stage missing); the whole cascade's decision on the page is the cli module's BrowserCascadeIT.
 * Skipped, saying why, where chromium or chromedriver is not installed.
 */
class BrowserPageIT {

    private static final String TOKEN = "browser-token";
    private static final Duration DETECTION_WAIT = Duration.ofSeconds(90);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext wakeword;
    private static ConfigurableApplicationContext gateway;
    private static HeadlessChromium chromium;

    @TempDir
    static Path audio;

    @BeforeAll
    static void start() {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        assumeTrue(browser.isPresent(), HeadlessChromium::missing);
        assumeTrue(Files.isDirectory(Path.of("../models/wakeword-hey-jarvis")),
                "browser test skipped: no ../models/wakeword-hey-jarvis to detect with");
        chromium = browser.get();
        broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        String bootstrap = broker.getBrokersAsString();
        wakeword = new SpringApplicationBuilder(WakewordServiceApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--server.port=0", "--wakestream.models.dir=../models",
                "--wakestream.models.provider=cpu", "--wakestream.topics.partitions=2", "--spring.main.banner-mode=off");
        gateway = IngestGatewayApplication.builder().run("--spring.kafka.bootstrap-servers=" + bootstrap,
                "--server.port=0", "--wakestream.gateway.wyoming.port=0", "--wakestream.gateway.tokens=" + TOKEN,
                "--wakestream.topics.partitions=2", "--spring.main.banner-mode=off");
        Results.awaitListeners(gateway.getBean(KafkaListenerEndpointRegistry.class), 2);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (wakeword != null) {
            wakeword.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void theMicrophoneSayingHeyJarvisShowsADetectionAndADegradedDecisionShowsItsMissingStage() throws Exception {
        WebDriver page = browser(sample("hey-jarvis-timer.wav"));
        try {
            page.get(pageUrl("browser-timer"));
            page.findElement(By.id("start")).click();

            new WebDriverWait(page, DETECTION_WAIT).until(p -> !p.findElements(By.cssSelector("#results li.detection")).isEmpty());
            assertThat(page.findElement(By.cssSelector("#results li.detection")).getText())
                    .startsWith("detection \"hey jarvis\" score ");
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("streaming as browser-timer");
            assertThat(Double.parseDouble(page.findElement(By.id("level")).getDomProperty("value"))).isPositive();

            Results.produce(broker.getBrokersAsString(), "voice.decisions.v1", "browser-timer",
                    TriggerDecision.newBuilder().setDetectionId("browser-decision").setStreamId("browser-timer")
                            .setAccepted(true).setScore(0.93f).setKeyword("hey jarvis")
                            .addStageScores(StageScore.newBuilder().setStage("wakeword").setScore(0.99f).setPresent(true))
                            .addStageScores(StageScore.newBuilder().setStage("kws").setScore(0.8f).setPresent(true))
                            .addStageScores(StageScore.newBuilder().setStage("ftm").setPresent(false))
                            .build().toByteArray());
            new WebDriverWait(page, Duration.ofSeconds(30))
                    .until(p -> !p.findElements(By.cssSelector("#results li.decision.accepted")).isEmpty());
            assertThat(page.findElement(By.cssSelector("#results li.decision.accepted")).getText()).isEqualTo(
                    "decision accepted: \"hey jarvis\" score 0.930 [wakeword 0.990, kws 0.800, ftm missing]");

            page.findElement(By.id("stop")).click();
            new WebDriverWait(page, Duration.ofSeconds(30))
                    .withMessage(() -> "status " + page.findElement(By.id("status")).getText())
                    .until(p -> p.findElement(By.id("status")).getText().startsWith("stopped"));
        } finally {
            page.quit();
        }
    }

    @Test
    void speechWithoutTheWakeWordShowsNoDetection() throws Exception {
        WebDriver page = browser(sample("kitchen-lights.wav"));
        try {
            page.get(pageUrl("browser-lights"));
            page.findElement(By.id("start")).click();

            // 1.2 MB of 32-bit float audio is at least 6 s at 48 kHz: the 4.6 s request, with its repetition begun.
            new WebDriverWait(page, DETECTION_WAIT).until(p -> Integer.parseInt(p.findElement(By.id("sent")).getText()) > 1200);
            Thread.sleep(5000);
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("streaming as browser-lights");
            assertThat(page.findElements(By.cssSelector("#results li"))).isEmpty();
        } finally {
            page.quit();
        }
    }

    private static String pageUrl(String streamId) {
        return "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port") + "/?token=" + TOKEN
                + "&stream_id=" + streamId;
    }

    private static WebDriver browser(Path wav) {
        return chromium.open(wav, true);
    }

    private static Path sample(String name) throws Exception {
        Path file = audio.resolve(name);
        try (InputStream wav = BrowserPageIT.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(wav, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
