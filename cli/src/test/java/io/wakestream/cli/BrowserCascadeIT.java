package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    private static Path chromium;
    private static Path chromedriver;

    @TempDir
    static Path audio;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> browser = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        assumeTrue(browser.isPresent() && driver.isPresent(), "browser test skipped: install Debian's chromium and"
                + " chromium-driver (scripts/apt-packages.txt) to run it; found chromium=" + browser.isPresent()
                + ", chromedriver=" + driver.isPresent());
        chromium = browser.get();
        chromedriver = driver.get();
        cluster = LocalCluster.start(0, 2, Map.of("wakestream.models.dir", MODELS.toString(),
                "wakestream.models.provider", "cpu", "wakestream.gateway.wyoming.port", 0),
                Map.of("wakeword-service", 0, "kws-service", 0, "asr-lattice-service", 0, "ftm-service", 0,
                        "ingest-gateway", 0));
        assertThat(cluster.ftmUrl()).as("ftm-service must run for decisions: " + cluster.describe()).isPresent();
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

    /** Chromium plays the file once ({@code %noloop}), then silence: the request ends as a user's would. */
    private static WebDriver browser(Path wav) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav + "%noloop", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        return new ChromeDriver(service, options);
    }

    private static Path sample(String name) throws Exception {
        Path file = audio.resolve(name);
        try (InputStream wav = BrowserCascadeIT.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(wav, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static Optional<Path> executable(String... names) {
        List<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of).toList();
        return Stream.of(names).flatMap(name -> path.stream().map(dir -> dir.resolve(name)))
                .filter(Files::isExecutable).findFirst();
    }
}
