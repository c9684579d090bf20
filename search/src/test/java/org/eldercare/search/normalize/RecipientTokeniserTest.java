package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.SealedRecipient;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md §6.7: the sealed form holds digests, masks and ciphertext, and opens only under the keyring. */
class RecipientTokeniserTest {

    static final String K1 = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String K2 = "k2:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    static final Pii PII = Pii.withKey("tokeniser-test-hmac-key");
    static final Recipient RAW = new Recipient(
            "刘桂兰",
            "110109194103021231",
            "13812345678",
            "F",
            LocalDate.of(1941, 3, 2),
            "大峪街道 3 号",
            new GeoPoint(39.9, 116.1));

    @Test
    void theSealedFormHoldsNothingRaw() throws Exception {
        SealedRecipient sealed = new RecipientTokeniser(PII, PiiKeyring.parse(K1, "test")).seal(RAW);
        String json = CloudEventJson.mapper().writeValueAsString(sealed);

        assertThat(json).doesNotContain("110109194103021231", "13812345678", "刘桂兰", "大峪", "1941-03-02", "39.9");
        assertThat(sealed.idDigest()).isEqualTo(PII.hashIdNumber("110109194103021231"));
        assertThat(sealed.idMasked()).isEqualTo("110109********1231");
        assertThat(sealed.phoneDigest()).isEqualTo(PII.hashPhone("13812345678"));
        assertThat(sealed.phoneMasked()).isEqualTo("138****5678");
        assertThat(sealed.sealed()).startsWith("k1:");
        assertThat(sealed.toString()).doesNotContain("13812345678", "110109194103021231");
    }

    @Test
    void opensUnderEveryKeyOfTheRingAndSealsUnderTheFirst() {
        SealedRecipient underK1 = new RecipientTokeniser(PII, PiiKeyring.parse(K1, "test")).seal(RAW);
        RecipientTokeniser rotated = new RecipientTokeniser(PII, PiiKeyring.parse(K2 + "," + K1, "test"));

        assertThat(rotated.open(underK1)).isEqualTo(RAW);
        assertThat(rotated.seal(RAW).sealed()).startsWith("k2:");
        assertThat(rotated.open(rotated.seal(RAW))).isEqualTo(RAW);
    }

    @Test
    void refusesWhatItCannotOpenWithoutQuotingIt() {
        SealedRecipient underK1 = new RecipientTokeniser(PII, PiiKeyring.parse(K1, "test")).seal(RAW);
        RecipientTokeniser onlyK2 = new RecipientTokeniser(PII, PiiKeyring.parse(K2, "test"));
        String ct = underK1.sealed();
        char last = ct.charAt(ct.length() - 1);
        SealedRecipient tampered = new SealedRecipient(
                null, null, null, null, ct.substring(0, ct.length() - 1) + (last == 'A' ? 'B' : 'A'));

        assertThatThrownBy(() -> onlyK2.open(underK1))
                .isInstanceOf(PiiKeyring.SealedValueException.class)
                .hasMessage("sealed value: unknown key id");
        assertThatThrownBy(() -> new RecipientTokeniser(PII, PiiKeyring.parse(K1, "test")).open(tampered))
                .isInstanceOf(PiiKeyring.SealedValueException.class)
                .hasMessageNotContaining(ct.substring(3, 20));
    }

    @Test
    void readsKeyringsAndKnowsTheDemoKey() {
        assertThat(PiiKeyring.parse(PiiKeyring.DEMO_KEYS, "x").holdsDemoKey()).isTrue();
        assertThat(PiiKeyring.parse(K2 + "," + K1, "x").holdsDemoKey()).isFalse();
        assertThat(PiiKeyring.parse(K2 + "," + K1, "x").toString()).doesNotContain("ZmVk", "MDEy");
        assertThatThrownBy(() -> PiiKeyring.parse("k1:c2hvcnQ=", "eldercare.security.pii-keys"))
                .hasMessage("eldercare.security.pii-keys: key k1 must be 16, 24 or 32 bytes");
        assertThatThrownBy(() -> PiiKeyring.parse(" ", "eldercare.security.pii-keys"))
                .hasMessageStartingWith("eldercare.security.pii-keys: is not set");
        assertThatThrownBy(() -> PiiKeyring.parse(K1 + "," + K1, "s")).hasMessage("s: key id k1 appears twice");
    }

    @Test
    void aSealedBirthDateHoldsNoDateAndOpensOnlyForItsPerson() {
        RecipientTokeniser tokeniser = new RecipientTokeniser(PII, PiiKeyring.parse(K1, "test"));
        LocalDate born = LocalDate.of(1941, 3, 2);

        String sealed = tokeniser.sealBirthDate(born, "person/p-1");

        assertThat(sealed).startsWith("k1:").doesNotContain("1941", "19410302");
        assertThat(tokeniser.openBirthDate(sealed, "person/p-1")).isEqualTo(born);
        assertThatThrownBy(() -> tokeniser.openBirthDate(sealed, "person/p-2"))
                .isInstanceOf(PiiKeyring.SealedValueException.class)
                .hasMessageNotContaining("1941");
        assertThat(tokeniser.sealBirthDate(null, "person/p-1")).isNull();
        assertThat(tokeniser.openBirthDate(null, "person/p-1")).isNull();
    }
}
