package org.eldercare.tools.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.register.PersonRegister;
import org.eldercare.streaming.register.RegisterTypes;
import org.eldercare.streaming.serde.StreamTypes;

/**
 * Runs the streaming job's own register stage ({@link PersonRegister}, the operator {@code IndicatorJob} writes to
 * {@code persons}) on an in-process Flink MiniCluster over the register events, sealed as the intake seals them, and
 * returns each person's last published document. The labels are those of the day the job runs on (Asia/Shanghai),
 * which each document names in {@code labelsOn}.
 */
final class RegisterPipeline {

    private RegisterPipeline() {}

    /** Per person id, the last document the job published; {@code hmacKey} keys the ID digests. */
    static Map<String, PersonDocument> run(List<CareEvent> events, String hmacKey) {
        PiiSecrets secrets = secrets(hmacKey);
        RecipientTokeniser tokeniser = secrets.tokeniser();
        List<CareEvent> sealed = events.stream().map(tokeniser::seal).toList();
        try {
            Path checkpoints = Files.createTempDirectory("register-evaluation-chk");
            StreamingConfig config = StreamingConfig.defaults()
                    .withParallelism(2)
                    .withCheckpointDir(checkpoints.toUri().toString());
            StreamExecutionEnvironment env =
                    JobEnvironment.of(config).resumable(false).local();
            Map<String, PersonDocument> last = new LinkedHashMap<>();
            try (CloseableIterator<PersonDocument> out = env.fromData(sealed, StreamTypes.CARE_EVENT)
                    .keyBy(CareEvent::partitionKey, Types.STRING)
                    .process(new PersonRegister(secrets), RegisterTypes.PERSON)
                    .executeAndCollect("register evaluation")) {
                out.forEachRemaining(doc -> last.put(doc.personId(), doc));
            }
            return last;
        } catch (Exception e) {
            throw new IllegalStateException("register evaluation: the register stage failed", e);
        }
    }

    /** The evaluation's HMAC key and a fresh keyring in files, as a deployment hands them to the job (§6.7). */
    static PiiSecrets secrets(String hmacKey) {
        try {
            Path dir = Files.createTempDirectory("register-evaluation-pii");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path hmac = Files.writeString(dir.resolve("hmac-key"), hmacKey);
            Path keys = Files.writeString(
                    dir.resolve("keys"), "e1:" + Base64.getEncoder().encodeToString(key));
            for (Path p : new ArrayList<>(List.of(keys, hmac, dir))) {
                p.toFile().deleteOnExit();
            }
            return new PiiSecrets(hmac.toString(), keys.toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
