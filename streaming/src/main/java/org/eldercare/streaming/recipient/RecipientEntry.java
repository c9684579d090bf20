package org.eldercare.streaming.recipient;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.resolve.Person;

/**
 * One document of the {@code recipients} index, id {@link #documentId()}: either a current person (the fields of
 * {@link RecipientDocument} plus {@code mergedIds}, every id that was merged into it) or the redirect of an id
 * that was merged away ({@code recipientId}, {@code mergedInto} the current id, {@code mergedAt}, {@code
 * mergedOn}; no evidence, so candidate queries never hit it). Redirects always name the current id, never an
 * intermediate one.
 */
public record RecipientEntry(
        @JsonUnwrapped RecipientDocument person,
        List<String> mergedIds,
        String mergedInto,
        String mergedAt,
        List<String> mergedOn) {

    public RecipientEntry {
        mergedIds = mergedIds == null ? null : List.copyOf(mergedIds);
        mergedOn = mergedOn == null ? null : List.copyOf(mergedOn);
    }

    /** The document of a current person. */
    public static RecipientEntry current(Person person, List<String> mergedIds) {
        return new RecipientEntry(RecipientDocument.of(person), mergedIds, null, null, null);
    }

    /** The document of {@code mergedId}, which now is {@code keptId}. */
    public static RecipientEntry redirect(String mergedId, String keptId, Instant at, List<String> mergedOn) {
        return new RecipientEntry(idOnly(mergedId), null, keptId, at.toString(), mergedOn);
    }

    @JsonIgnore
    public String documentId() {
        return IndexRegistry.RECIPIENTS.id(person);
    }

    @JsonIgnore
    public boolean isRedirect() {
        return mergedInto != null;
    }

    private static RecipientDocument idOnly(String recipientId) {
        return new RecipientDocument(
                recipientId,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null);
    }
}
