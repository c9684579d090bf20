package org.eldercare.search.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.RecipientData;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;

/**
 * Turns a raw recipient into its form at rest and back (docs/CONTRACT.md §6.7): HMAC digests and masks of the ID
 * number and phone ({@link Pii}), and the whole raw recipient as AES-GCM ciphertext under the active key of the
 * {@link PiiKeyring}. The one place the platform seals recipients: the API before it writes the events topic, the
 * streaming job for a raw recipient a producer wrote to the topic directly. Opening happens in memory only, where a
 * recipient is resolved.
 */
public final class RecipientTokeniser {

    /** The associated data of every sealed recipient: a value sealed for another purpose does not open here. */
    public static final String CONTEXT = "eldercare.recipient.v1";

    /**
     * The associated data of a sealed birth date, followed by the subject it belongs to: a value sealed for one
     * person does not open as another's.
     */
    public static final String BIRTH_DATE_CONTEXT = "eldercare.birth-date.v1|";

    private static final ObjectMapper JSON = CloudEventJson.mapper();

    private final Pii pii;
    private final PiiKeyring keys;

    public RecipientTokeniser(Pii pii, PiiKeyring keys) {
        this.pii = pii;
        this.keys = keys;
    }

    public Pii pii() {
        return pii;
    }

    /** {@code raw} at rest: digests, masks and ciphertext; nothing raw. */
    public SealedRecipient seal(Recipient raw) {
        Optional<IdNumber> id = IdNumbers.parse(raw.idNumber());
        Optional<Phone> phone = Phones.parse(raw.phone());
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(raw);
        } catch (IOException e) {
            throw new IllegalStateException("recipient: cannot be written as JSON");
        }
        return new SealedRecipient(
                id.map(n -> pii.hashIdNumber(n.value())).orElse(null),
                id.map(IdNumber::masked).orElse(null),
                phone.map(p -> pii.hashPhone(p.value())).orElse(null),
                phone.map(Phone::masked).orElse(null),
                keys.seal(plaintext, CONTEXT));
    }

    /** The recipient in either form as raw, in memory: a sealed one is opened. */
    public Recipient open(RecipientData recipient) {
        return switch (recipient) {
            case Recipient raw -> raw;
            case SealedRecipient sealed -> open(sealed);
        };
    }

    /**
     * The raw recipient of {@code sealed}.
     *
     * @throws PiiKeyring.SealedValueException when no key of the ring opens it
     */
    public Recipient open(SealedRecipient sealed) {
        byte[] plaintext = keys.open(sealed.sealed(), CONTEXT);
        try {
            return JSON.readValue(plaintext, Recipient.class);
        } catch (IOException e) {
            // Never chain Jackson's message: it may quote the plaintext.
            throw new PiiKeyring.SealedValueException("sealed value: opens, but is no recipient");
        }
    }

    /**
     * The event as it may be written: a {@code service.delivered} recipient or a register identity (docs/CONTRACT.md
     * §7) that is raw is sealed; others as they are.
     */
    public CareEvent seal(CareEvent event) {
        if (event.data() instanceof PersonDetails p && p.identity() instanceof Recipient raw) {
            return new CareEvent(event.id(), event.source(), event.type(), event.time(), p.withIdentity(seal(raw)));
        }
        if (!(event.data() instanceof ServiceDelivered d) || !(d.recipient() instanceof Recipient raw)) {
            return event;
        }
        ServiceDelivered sealed = d.withRecipient(seal(raw));
        return new CareEvent(event.id(), event.source(), event.type(), event.time(), sealed);
    }

    /**
     * {@code date} as AES-GCM ciphertext under the active key, bound to {@code subject} (a register's person id): how
     * state keeps a birth date it must read again (docs/CONTRACT.md §6.7, §7.3). Null for null.
     */
    public String sealBirthDate(LocalDate date, String subject) {
        return date == null
                ? null
                : keys.seal(date.toString().getBytes(StandardCharsets.US_ASCII), BIRTH_DATE_CONTEXT + subject);
    }

    /**
     * The birth date {@link #sealBirthDate sealed} for {@code subject}, in memory. Null for null.
     *
     * @throws PiiKeyring.SealedValueException when no key of the ring opens it for that subject
     */
    public LocalDate openBirthDate(String sealed, String subject) {
        if (sealed == null) {
            return null;
        }
        byte[] plaintext = keys.open(sealed, BIRTH_DATE_CONTEXT + subject);
        try {
            return LocalDate.parse(new String(plaintext, StandardCharsets.US_ASCII));
        } catch (DateTimeParseException e) {
            throw new PiiKeyring.SealedValueException("sealed value: opens, but is no date");
        }
    }

    @Override
    public String toString() {
        return "RecipientTokeniser[" + keys + "]";
    }
}
