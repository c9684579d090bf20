package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eldercare.api.system.RequestRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    /** A chunked request: no Content-Length, so only counting while reading can hold the limit. */
    static MockHttpServletRequest undeclared(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }

    @Test
    void refusesAnUndeclaredBodyOnceItPassesTheLimit() {
        assertThatThrownBy(() -> RequestBodies.read(undeclared(new byte[101]), 100))
                .isInstanceOf(RequestRefusedException.class)
                .hasMessageStartingWith("body: must be at most 100 bytes")
                .satisfies(
                        e -> assertThat(((RequestRefusedException) e).status().value())
                                .isEqualTo(413));
    }

    @Test
    void readsAnUndeclaredBodyAtTheLimit() throws Exception {
        assertThat(RequestBodies.read(undeclared(new byte[100]), 100)).hasSize(100);
    }
}
