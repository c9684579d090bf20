package org.eldercare.ingest.event;

/**
 * The {@code recipient} of a {@code service.delivered} record, in one of its two forms (docs/CONTRACT.md §6.7):
 * {@link Recipient}, raw as the operator typed it, which lives only in memory, or {@link SealedRecipient}, the form
 * written to the events topic and passed through the streaming job.
 */
public sealed interface RecipientData permits Recipient, SealedRecipient {}
