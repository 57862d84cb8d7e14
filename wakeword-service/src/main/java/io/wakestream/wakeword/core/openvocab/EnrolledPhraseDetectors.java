package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorChoice;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each stream's detector from its enrollment: a stream without an enrolled phrase, or whose phrase is the trained
 * model's (same words after normalisation, e.g. "Hey, Jarvis!" for {@code wakeword-hey-jarvis}), runs the trained
 * model; any other enrolled phrase runs an {@link OpenVocabularyDetector}, built once per distinct phrase and
 * shared by the streams that enrolled it. One phrase per stream: the enrolled phrase replaces the model's, as
 * kws-service then verifies the stream's detections against it. A phrase that cannot be pronounced (the enrollment
 * API refuses those) keeps the trained model, with a warning. Thread-safe.
 */
public final class EnrolledPhraseDetectors implements DetectorChoice {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolledPhraseDetectors.class);

    private final Detector trained;
    private final EnrollmentRegistry enrollments;
    private final PhoneticEncoder encoder;
    private final Pronouncer pronouncer;
    private final OpenVocabularySettings settings;
    private final Map<String, Detector> byPhrase = new ConcurrentHashMap<>();

    public EnrolledPhraseDetectors(Detector trained, EnrollmentRegistry enrollments, PhoneticEncoder encoder,
                                   Pronouncer pronouncer, OpenVocabularySettings settings) {
        this.trained = trained;
        this.enrollments = enrollments;
        this.encoder = encoder;
        this.pronouncer = pronouncer;
        this.settings = settings;
    }

    @Override
    public Detector detectorFor(String streamId) {
        Optional<Enrollment> enrollment = enrollments.get(streamId);
        return enrollment.isEmpty() ? trained : byPhrase.computeIfAbsent(enrollment.get().phrase(), this::open);
    }

    /** Distinct enrolled phrases with a detector built (the trained model's phrase included once enrolled). */
    public int phrases() {
        return byPhrase.size();
    }

    private Detector open(String phrase) {
        PhrasePhones phones;
        try {
            phones = PhrasePhones.pronounce(pronouncer, phrase, settings.maxVariants());
        } catch (IllegalArgumentException e) {
            LOG.warn("Enrolled phrase \"{}\" cannot be spotted ({}); its streams keep {}", phrase, e.getMessage(),
                    trained.modelId());
            return trained;
        }
        if (phones.phrase().equals(trained.keyword())) {
            return trained;
        }
        LOG.info("Enrolled phrase \"{}\" is spotted by {} as {}", phrase, OpenVocabularyDetector.modelId(encoder),
                phones.phoneNames());
        return new OpenVocabularyDetector(encoder, phones, settings);
    }
}
