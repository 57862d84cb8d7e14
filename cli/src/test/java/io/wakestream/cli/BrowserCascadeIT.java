package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wakestream.gateway.web.HeadlessChromium;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gateway's page as a new user opens it from {@code wakestream up}: headless Chromium (Debian's, driven by
 * Selenium through chromium-driver), its microphone a fake device playing a WAV once, in front of the whole
 * cascade with the shipped models from {@code ../models} (RepCNN, verifier, lattice decoder, lattice GNN). The page
 * must show the decision the cascade makes, not one a test wrote. Skipped, saying why, where chromium or
 * chromedriver is not installed.
 */
class BrowserCascadeIT {

    private static final Path MODELS = Path.of("../models");
    private static final Duration DECISION_WAIT = Duration.ofSeconds(120);

    private static LocalCluster cluster;
    private static HeadlessChromium chromium;

    @TempDir
    static Path audio;

    @BeforeAll
    static void start() throws Exception {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        assumeTrue(browser.isPresent(), HeadlessChromium::missing);
        chromium = browser.get();
        cluster = LocalCluster.start(0, 2, Map.of("wakestream.models.dir", MODELS.toString(),
                "wakestream.models.provider", "cpu", "wakestream.gateway.wyoming.port", 0),
                ServicePorts.free());
        assertThat(cluster.managementUrl("ftm-service")).as("ftm-service must run for decisions: " + cluster.describe())
                .isPresent();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void heyJarvisSetATimerSpokenIntoTheMicrophoneShowsTheCascadesAcceptedDecisionWithEveryStagesScore() throws Exception {
        WebDriver page = browser(sample("hey-jarvis-timer.wav"));
        try {
            page.get(cluster.gatewayUrl() + "/?stream_id=browser-cascade-timer");
            page.findElement(By.id("start")).click();

            WebElement decision = new WebDriverWait(page, DECISION_WAIT)
                    .withMessage(() -> "no decision on the page; it shows: " + results(page))
                    .until(p -> p.findElements(By.cssSelector("#results li.decision")).stream().findFirst().orElse(null));
            assertThat(page.findElements(By.cssSelector("#results li.detection")))
                    .anySatisfy(detection -> assertThat(detection.getText()).startsWith("detection \"hey jarvis\" score "));
            assertThat(decision.getAttribute("class")).as(decision.getText()).contains("accepted");
            assertThat(decision.getText()).startsWith("decision accepted: \"hey jarvis\" score ")
                    .containsPattern("\\[wakeword [01]\\.\\d{3}, kws [01]\\.\\d{3}, ftm [01]\\.\\d{3}\\] wakeword\\+kws\\+ftm: combined ");
        } finally {
            page.quit();
        }
    }

    @Test
    void speechWithoutTheWakeWordShowsNothing() throws Exception {
        WebDriver page = browser(sample("kitchen-lights.wav"));
        try {
            page.get(cluster.gatewayUrl() + "/?stream_id=browser-cascade-lights");
            page.findElement(By.id("start")).click();

            // 900 kB of the page's 48 kHz float audio is more than the 4.6 s request; then time for its results
            new WebDriverWait(page, DECISION_WAIT).until(p -> Integer.parseInt(p.findElement(By.id("sent")).getText()) > 900);
            page.findElement(By.id("stop")).click();
            new WebDriverWait(page, Duration.ofSeconds(30))
                    .until(p -> p.findElement(By.id("status")).getText().startsWith("stopped"));
            Thread.sleep(5000);
            assertThat(page.findElements(By.cssSelector("#results li"))).as(results(page)).isEmpty();
        } finally {
            page.quit();
        }
    }

    private static String results(WebDriver page) {
        return page.findElements(By.cssSelector("#results li")).stream().map(WebElement::getText).toList()
                + ", status " + page.findElement(By.id("status")).getText();
    }

    /** Chromium plays the file once, then silence: the request ends as a user's would. */
    private static WebDriver browser(Path wav) {
        return chromium.open(wav, false);
    }

    private static Path sample(String name) throws Exception {
        Path file = audio.resolve(name);
        try (InputStream wav = BrowserCascadeIT.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(wav, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
