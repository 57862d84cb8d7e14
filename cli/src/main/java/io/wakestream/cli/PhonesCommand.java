package io.wakestream.cli;

import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.G2p;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.common.phonetic.WordPronunciation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "phones", mixinStandardHelpOptions = true,
        description = "A phrase's phones (ARPAbet without stress): one JSON object on standard output, "
                + "{\"phrase\", \"phones\", \"words\": [{\"word\", \"phones\", \"source\": \"lexicon\"|\"g2p\"}]}. "
                + "Words come from the G2P model's lexicon (CMUdict); the model pronounces the others.")
public class PhonesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--model", defaultValue = G2p.MODEL_NAME,
            description = "G2P model name under the models directory (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    ModelOptions models;

    @Parameters(paramLabel = "PHRASE", arity = "1..*", description = "The phrase; several arguments are joined by spaces.")
    List<String> phrase;

    @Override
    public Integer call() {
        String text = String.join(" ", phrase);
        try (OnnxEngine onnx = models.engine()) {
            PhrasePronunciation result = Pronouncer.open(models.repository(), model, models.modelVersion, onnx).pronounce(text);
            if (result.words().isEmpty()) {
                System.err.println(spec.qualifiedName() + ": no words in \"" + text + "\"");
                return 1;
            }
            System.out.println(toJson(result));
            return 0;
        }
    }

    private static String toJson(PhrasePronunciation result) {
        ObjectNode json = JSON.createObjectNode()
                .put("phrase", result.phrase())
                .put("phones", String.join(" ", result.phones()));
        ArrayNode words = json.putArray("words");
        for (WordPronunciation word : result.words()) {
            words.addObject()
                    .put("word", word.word())
                    .put("phones", String.join(" ", word.phones()))
                    .put("source", word.source().label());
        }
        return json.toString();
    }
}
