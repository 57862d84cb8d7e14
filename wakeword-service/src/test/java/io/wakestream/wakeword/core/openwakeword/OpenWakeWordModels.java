package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.model.ModelRepository;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds the repository's models/ directory with the openWakeWord models that scripts/fetch-openwakeword.sh installs. */
final class OpenWakeWordModels {

    static final String HEY_JARVIS = "openwakeword/hey_jarvis";
    static final String ALEXA = "openwakeword/alexa";
    static final String HEY_MYCROFT = "openwakeword/hey_mycroft";
    static final String VERSION = "0.1";

    private OpenWakeWordModels() {
    }

    /** The repository over models/, or a skipped test when the models have not been fetched. */
    static ModelRepository repository() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path models = directory.resolve("models");
            if (Files.isRegularFile(models.resolve(HEY_JARVIS).resolve(VERSION).resolve(ModelRepository.MANIFEST_FILE))) {
                return new ModelRepository(models);
            }
            if (Files.isRegularFile(directory.resolve("scripts/fetch-openwakeword.sh"))) {
                break;
            }
        }
        assumeTrue(false, "openWakeWord models absent: run scripts/fetch-openwakeword.sh");
        throw new IllegalStateException("unreachable");
    }
}
