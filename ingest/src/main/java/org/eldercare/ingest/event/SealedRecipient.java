package org.eldercare.ingest.event;

/**
 * A recipient at rest (docs/CONTRACT.md §6.7): the raw recipient only as ciphertext, plus the digests and masks
 * that §6.2 lets a reader see. {@code sealed} is {@code <kid>:<base64url(nonce ‖ AES-GCM ciphertext)>}; every other
 * field may be null. Built and opened by {@code org.eldercare.search.normalize.RecipientTokeniser}.
 */
public record SealedRecipient(String idDigest, String idMasked, String phoneDigest, String phoneMasked, String sealed)
        implements RecipientData {

    /** The field that tells the sealed form from the raw one. */
    public static final String SEALED_FIELD = "sealed";

    @Override
    public String toString() {
        return "SealedRecipient[idMasked=" + idMasked + ", phoneMasked=" + phoneMasked + "]";
    }
}
