package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import org.junit.jupiter.api.Test;

class BulkErrorsTest {

    @Test
    void cutsTheValuePreviewSoNoDocumentContentIsLogged() {
        ErrorCause error = ErrorCause.of(e -> e.type("document_parsing_exception")
                .reason("[1:42] failed to parse field [phone] of type [long] in document with id 'r-1'. "
                        + "Preview of field's value: '13812345678'"));

        String described = BulkErrors.describe(400, error);

        assertThat(described)
                .startsWith("400 document_parsing_exception: [1:42] failed to parse field [phone]")
                .doesNotContain("13812345678");
    }

    @Test
    void overloadAndServerErrorsAreRetriableClientErrorsAreNot() {
        assertThat(BulkErrors.retriable(429)).isTrue();
        assertThat(BulkErrors.retriable(503)).isTrue();
        assertThat(BulkErrors.retriable(400)).isFalse();
        assertThat(BulkErrors.retriable(409)).isFalse();
    }
}
