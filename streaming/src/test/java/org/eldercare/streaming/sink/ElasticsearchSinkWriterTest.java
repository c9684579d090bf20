package org.eldercare.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.sink.SinkFixtures.entry;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.BinaryData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkWriterTest {

    @Test
    void eachEntryBecomesAnIndexOperationUnderItsIdWithItsJsonUntouched() throws Exception {
        BulkRequest request = ElasticsearchSinkWriter.toRequest(
                List.of(entry("fac-1", "{\"beds\":40}"), entry("fac-2", "{\"beds\":8}")));

        assertThat(request.operations()).hasSize(2);
        assertThat(request.operations().getFirst().index().id()).isEqualTo("fac-1");
        assertThat(request.operations().getFirst().index().index()).isEqualTo("facilities");
        BinaryData source = (BinaryData) request.operations().get(1).index().document();
        assertThat(source.contentType()).isEqualTo("application/json");
        assertThat(StandardCharsets.UTF_8.decode(source.asByteBuffer()).toString())
                .isEqualTo("{\"beds\":8}");
    }
}
