package io.wakestream.ftm.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.ftm.core.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary formats of the state stores' values (and so of their changelog topics). Each starts with a format
 * version byte, so that a later format can still read what an older instance wrote.
 */
public final class StoreSerdes {

    private static final byte VERSION = 1;

    private StoreSerdes() {
    }

    /**
     * {@link PendingDetection}: version, stream id, first-seen time, then per stage in {@link Stage} order a
     * presence flag, the record timestamp and the event's protobuf bytes.
     */
    public static Serde<PendingDetection> pending() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(out -> {
            out.writeUTF(value.streamId());
            out.writeLong(value.firstSeenMs());
            writeStage(out, value.detection(), value.detectionTs());
            writeStage(out, value.verification(), value.verificationTs());
            writeStage(out, value.lattice(), value.latticeTs());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            String streamId = in.readUTF();
            long firstSeen = in.readLong();
            boolean hasDetection = in.readBoolean();
            long detectionTs = in.readLong();
            WakewordDetection detection = hasDetection ? WakewordDetection.parseFrom(readBytes(in)) : null;
            boolean hasVerification = in.readBoolean();
            long verificationTs = in.readLong();
            KeywordVerification verification = hasVerification ? KeywordVerification.parseFrom(readBytes(in)) : null;
            boolean hasLattice = in.readBoolean();
            long latticeTs = in.readLong();
            Lattice lattice = hasLattice ? Lattice.parseFrom(readBytes(in)) : null;
            return new PendingDetection(streamId, firstSeen, detection, detectionTs, verification, verificationTs,
                    lattice, latticeTs);
        }));
    }

    /** {@link DecidedDetection}: version, decision time, a bit per present stage (bit = {@link Stage#ordinal()}). */
    public static Serde<DecidedDetection> decided() {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write(out -> {
            out.writeLong(value.decidedAtMs());
            int mask = 0;
            for (Stage stage : value.present()) {
                mask |= 1 << stage.ordinal();
            }
            out.writeByte(mask);
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> {
            long decidedAt = in.readLong();
            int mask = in.readByte();
            Set<Stage> present = EnumSet.noneOf(Stage.class);
            for (Stage stage : Stage.values()) {
                if ((mask & (1 << stage.ordinal())) != 0) {
                    present.add(stage);
                }
            }
            return new DecidedDetection(decidedAt, present);
        }));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new SerializationException("cannot write a state store value", e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("state store value of format " + version + ", this build reads " + VERSION);
            }
            return reader.read(in);
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException("undecodable event in a state store value", e);
        } catch (IOException e) {
            throw new SerializationException("truncated state store value (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeStage(DataOutputStream out, MessageLite message, long timestamp) throws IOException {
        out.writeBoolean(message != null);
        out.writeLong(timestamp);
        if (message != null) {
            byte[] bytes = message.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
