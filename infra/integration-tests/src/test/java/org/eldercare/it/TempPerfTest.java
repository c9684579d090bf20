package org.eldercare.it;

import java.util.List;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.eval.LabelledEvaluation;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.junit.jupiter.api.Test;

class TempPerfTest {
    @Test
    void perf() {
        List<LabelledEvaluation.Record> recs = LabelledEvaluation.generate(12, 5_000).records();
        RecipientNormalizer n = new RecipientNormalizer(Pii.withKey("integration-test-hmac-key"), new Addresses(Regions.load()));
        long t0 = System.nanoTime();
        List<NormalizedRecipient> norm = recs.stream().map(r -> n.normalize(r.recipient())).toList();
        long t1 = System.nanoTime();
        System.out.printf("normalize %d in %.2fs%n", recs.size(), (t1 - t0) / 1e9);
        RecipientResolver res = new RecipientResolver(new InMemoryPersonStore(), new MergeLog(), ResolutionThresholds.DEFAULT);
        for (int i = 0; i < recs.size(); i++) {
            res.resolve(recs.get(i).recordKey(), recs.get(i).at(), norm.get(i));
            if (i % 2000 == 0) System.out.printf("  %d at %.2fs%n", i, (System.nanoTime() - t1) / 1e9);
        }
        System.out.printf("resolve in %.2fs%n", (System.nanoTime() - t1) / 1e9);
    }
}
