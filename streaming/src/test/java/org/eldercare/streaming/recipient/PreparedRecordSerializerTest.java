package org.eldercare.streaming.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.recipient.Services.HMAC_KEY;
import static org.eldercare.streaming.recipient.Services.HOME;
import static org.eldercare.streaming.recipient.Services.PHONE;
import static org.eldercare.streaming.recipient.Services.idNumber;
import static org.eldercare.streaming.recipient.Services.recipient;
import static org.eldercare.streaming.recipient.Services.served;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.junit.jupiter.api.Test;

class PreparedRecordSerializerTest {

    private static final LocalDate BIRTH = LocalDate.of(1945, 5, 20);
    private static final String ID = idNumber("110115", BIRTH, 42);

    private final RecipientTokeniser tokeniser =
            TestPiiSecrets.withHmacKey(HMAC_KEY).tokeniser();
    private final RecipientNormalizer normalizer =
            new RecipientNormalizer(tokeniser.pii(), new Addresses(Regions.load()));

    @Test
    void aPreparedRecordCrossesToTheResolverWholeWithoutItsBirthDateOrRawNumbers() throws Exception {
        CareEvent event = tokeniser.seal(served(1, recipient("劉桂蘭", ID, PHONE, BIRTH, "F", HOME)));
        PreparedRecord prepared = PreparedRecord.prepare(event, tokeniser, normalizer);

        DataOutputSerializer out = new DataOutputSerializer(1024);
        PreparedRecordSerializer.INSTANCE.serialize(prepared, out);
        byte[] bytes = out.getCopyOfBuffer();
        PreparedRecord back = PreparedRecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));

        assertThat(back).isEqualTo(prepared);
        assertThat(back.recipient().name().pinyin()).isEqualTo("liuguilan");
        assertThat(back.recipient().birthDate()).isNull();
        assertThat(back.recipient().birthYear()).isEqualTo(1945);
        assertThat(back.recipient().birthDigests()).isNotEmpty();
        assertThat(back.keys()).isNotEmpty();
        String wire = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(wire).doesNotContain(ID, PHONE, "1945-05-20", "19450520");
    }

    @Test
    void anUnpreparedEventCrossesAsItCame() throws Exception {
        PreparedRecord unprepared = PreparedRecord.of(served(2, recipient("刘桂兰", null, PHONE, null, null, null)));

        DataOutputSerializer out = new DataOutputSerializer(256);
        PreparedRecordSerializer.INSTANCE.serialize(unprepared, out);
        PreparedRecord back =
                PreparedRecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.isPrepared()).isFalse();
        assertThat(back).isEqualTo(unprepared);
    }
}
