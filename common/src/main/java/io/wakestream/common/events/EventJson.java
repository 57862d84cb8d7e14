package io.wakestream.common.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One-line JSON for events, for people and shell pipelines. Audio fields are replaced by their size
 * ({@code "pcm_bytes": 32000}): base64 audio in a terminal helps nobody.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer()
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();

    private EventJson() {
    }

    public static String toJson(Message event) {
        List<FieldDescriptor> audioFields = event.getDescriptorForType().getFields().stream()
                .filter(field -> field.getType() == FieldDescriptor.Type.BYTES && !field.isRepeated())
                .toList();
        Message.Builder withoutAudio = event.toBuilder();
        audioFields.forEach(withoutAudio::clearField);
        try {
            ObjectNode json = (ObjectNode) MAPPER.readTree(PRINTER.print(withoutAudio));
            for (FieldDescriptor field : audioFields) {
                json.remove(field.getName());
                json.put(field.getName() + "_bytes", ((ByteString) event.getField(field)).size());
            }
            return MAPPER.writeValueAsString(json);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot print " + event.getDescriptorForType().getName(), e);
        }
    }
}
