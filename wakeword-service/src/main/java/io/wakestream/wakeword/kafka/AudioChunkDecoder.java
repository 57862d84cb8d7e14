package io.wakestream.wakeword.kafka;

import io.wakestream.common.audio.AudioChunkValidator;
import io.wakestream.common.audio.ChunkRejection;
import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.wakeword.config.WakewordProperties;
import io.wakestream.wakeword.core.AudioInput;
import java.nio.ByteOrder;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Checks an {@link AudioChunk} against the contract and turns it into the core's input. */
@Component
public class AudioChunkDecoder {

    static final String KEY_MISMATCH = "key_mismatch";

    private final AudioChunkValidator validator;

    public AudioChunkDecoder(WakewordProperties properties) {
        this.validator = new AudioChunkValidator(properties.maxChunkSamples() * 2);
    }

    /** The chunk as core input; an {@link InvalidRecordException} naming what is wrong otherwise. */
    public AudioInput decode(String key, AudioChunk chunk) {
        Optional<ChunkRejection> rejection = validator.validate(chunk);
        if (rejection.isPresent()) {
            throw new InvalidRecordException(rejection.get().code(), rejection.get().message());
        }
        if (!chunk.getStreamId().equals(key)) {
            throw new InvalidRecordException(KEY_MISMATCH,
                    "record key '" + key + "' differs from stream_id '" + chunk.getStreamId() + "'");
        }
        short[] pcm = new short[chunk.getPcm().size() / 2];
        chunk.getPcm().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return new AudioInput(chunk.getStreamId(), chunk.getSeq(), chunk.getFirstSample(), pcm,
                chunk.getEndOfStream());
    }
}
