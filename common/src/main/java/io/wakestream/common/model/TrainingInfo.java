package io.wakestream.common.model;

import java.util.List;

/**
 * Where a model came from.
 *
 * @param recipe how it was trained: a training config and commit for our models, a description
 *               for peer models
 * @param data   the corpora it was trained on
 * @param notes  anything else a user of the model should know
 */
public record TrainingInfo(String recipe, List<String> data, String notes) {

    public TrainingInfo {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
