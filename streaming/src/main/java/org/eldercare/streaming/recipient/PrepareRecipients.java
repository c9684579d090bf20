package org.eldercare.streaming.recipient;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.streaming.pii.PiiSecrets;

/**
 * The per-record work of recipient resolution, ahead of the one {@link ResolveRecipients} instance and run at any
 * parallelism (setting {@code resolve.parallelism}): opens the sealed recipient, normalises it (simplified
 * characters, pinyin, ID number checks and one-slip corrections, address to street and dwelling), digests it, and
 * works out its blocking keys. Stateless: every record is prepared from itself alone, so how records are spread over
 * the instances cannot change a resolution; only the order in which records of different keys reach the resolver
 * can, as with any parallel source.
 */
public final class PrepareRecipients extends RichMapFunction<CareEvent, PreparedRecord> {

    private static final long serialVersionUID = 1L;

    private final PiiSecrets pii;
    private transient RecipientTokeniser tokeniser;
    private transient RecipientNormalizer normalizer;

    /** {@code pii} says where the keys are; they are read in {@link #open}, on the task. */
    public PrepareRecipients(PiiSecrets pii) {
        this.pii = pii;
    }

    @Override
    public void open(OpenContext context) {
        tokeniser = pii.tokeniser();
        normalizer = new RecipientNormalizer(tokeniser.pii(), new Addresses(Regions.load()));
    }

    @Override
    public PreparedRecord map(CareEvent event) {
        return PreparedRecord.prepare(event, tokeniser, normalizer);
    }
}
