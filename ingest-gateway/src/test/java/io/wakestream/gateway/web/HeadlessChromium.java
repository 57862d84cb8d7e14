package io.wakestream.gateway.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through chromium-driver, its microphone a fake capture device playing
 * a WAV file: the gateway page's browser tests (this module's and the cli's, through this module's test-jar) open it
 * the same way. Found on the PATH; where either program is missing {@link #find()} is empty and {@link #missing()}
 * says what to install.
 */
public final class HeadlessChromium {

    private final Path chromium;
    private final Path chromedriver;

    private HeadlessChromium(Path chromium, Path chromedriver) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
    }

    /** Chromium and chromedriver from the PATH, or empty when either is not installed. */
    public static Optional<HeadlessChromium> find() {
        Optional<Path> browser = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new HeadlessChromium(browser.get(), driver.get())) : Optional.empty();
    }

    /** Why {@link #find()} found nothing: the message a skipped test shows. */
    public static String missing() {
        return "browser test skipped: install Debian's chromium and chromium-driver (scripts/apt-packages.txt) to run it;"
                + " found chromium=" + executable("chromium", "chromium-browser").isPresent()
                + ", chromedriver=" + executable("chromedriver").isPresent();
    }

    /**
     * A new browser whose fake microphone plays {@code wav}: over and over when {@code loop}, else once and then
     * silence ({@code %noloop}), as a user who stops talking. Without the background-networking flags Chromium keeps
     * trying hosts this machine cannot reach. The caller quits it.
     */
    public WebDriver open(Path wav, boolean loop) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav + (loop ? "" : "%noloop"),
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> executable(String... names) {
        List<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of).toList();
        return Stream.of(names).flatMap(name -> path.stream().map(dir -> dir.resolve(name)))
                .filter(Files::isExecutable).findFirst();
    }
}
