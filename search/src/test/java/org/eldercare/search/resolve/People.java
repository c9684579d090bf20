package org.eldercare.search.resolve;

import java.time.LocalDate;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;

/** Made-up recipients written the way operators type them, normalised with a test key. */
final class People {

    static final RecipientNormalizer NORMALIZER =
            new RecipientNormalizer(Pii.withKey("test-key-for-recipients"), new Addresses(Regions.load()));

    private People() {}

    static String idNumber(String prefix, LocalDate birth, int sequence) {
        String body = prefix + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + IdNumbers.checkChar(body);
    }

    static NormalizedRecipient recipient(
            String name, String id, String phone, LocalDate birth, String gender, String address) {
        return NORMALIZER.normalize(new Recipient(name, id, phone, gender, birth, address, null));
    }

    static RecipientProfile profile(
            String name, String id, String phone, LocalDate birth, String gender, String address) {
        return RecipientProfile.of(recipient(name, id, phone, birth, gender, address));
    }
}
