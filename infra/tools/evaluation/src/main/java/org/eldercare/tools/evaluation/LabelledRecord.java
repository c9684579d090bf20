package org.eldercare.tools.evaluation;

import java.time.Instant;
import org.eldercare.ingest.event.Recipient;

/** A noisy service record of the evaluation set with the person it really belongs to. */
record LabelledRecord(String recordKey, Instant at, Recipient recipient, String truthId) {}
