package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * Which version of each {@code recipients} document was last handed to the index, as a fingerprint of what the
 * hotline finds and reads there: the whole document with {@code servicesCount} left out and {@code lastServiceAt}
 * cut to its day (Asia/Shanghai), and the redirect fields. A version equal to the last one written under that
 * fingerprint is not written again (docs/CONTRACT.md §4): another service of a known person on the same day, with
 * nothing new about them, is the common record (two in three in the sinks benchmark), and each one rewrote a
 * document with every search key of the person.
 *
 * <p>The fingerprint is the first 8 bytes of SHA-256 over the {@link RecipientEntrySerializer} form, so it is the
 * same on every JVM and after a restore. State written before this map existed has no fingerprints: each person's
 * next version is written once, as before.
 */
final class WrittenRecipients {

    private static final int FINGERPRINT_BYTES = Long.BYTES;

    private final MapState<String, Long> fingerprints;
    private final DataOutputSerializer buffer = new DataOutputSerializer(2048);
    private final MessageDigest sha256;

    WrittenRecipients(MapState<String, Long> fingerprints) {
        this.fingerprints = fingerprints;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether {@code entry} differs from the version last written under its id; if so, it is now that version. */
    boolean changes(RecipientEntry entry) {
        String id = entry.documentId();
        long fingerprint = fingerprintOf(entry);
        Long written = State.get(fingerprints, id);
        if (written != null && written == fingerprint) {
            return false;
        }
        State.put(fingerprints, id, fingerprint);
        return true;
    }

    /** The fingerprint of {@code entry}: without its count of services, its last service to the day. */
    long fingerprintOf(RecipientEntry entry) {
        RecipientEntry shown = entry.isRedirect()
                ? entry
                : new RecipientEntry(
                        entry.person().withCounters(0, dayOf(entry.person().lastServiceAt())),
                        entry.mergedIds(),
                        entry.mergedInto(),
                        entry.mergedAt(),
                        entry.mergedOn());
        buffer.clear();
        try {
            RecipientEntrySerializer.INSTANCE.serialize(shown, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("recipient document: fingerprint failed", e);
        }
        sha256.reset();
        sha256.update(buffer.getSharedBuffer(), 0, buffer.length());
        return ByteBuffer.wrap(sha256.digest(), 0, FINGERPRINT_BYTES).getLong();
    }

    private static String dayOf(String instant) {
        return instant == null
                ? null
                : Long.toString(ShanghaiTime.epochDay(Instant.parse(instant).toEpochMilli()));
    }
}
