package org.eldercare.infra.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeArgumentsTest {

    private static final String PREFIX = "eldercare.test-node.";

    @Test
    void takesAnArgumentBeforeASystemPropertyBeforeTheDefault() {
        System.setProperty(PREFIX + "port", "9400");
        try {
            assertThat(NodeArguments.parse(new String[] {"--port=9500"}, PREFIX).port("port", 9300))
                    .isEqualTo(9500);
            assertThat(NodeArguments.parse(new String[0], PREFIX).port("port", 9300))
                    .isEqualTo(9400);
        } finally {
            System.clearProperty(PREFIX + "port");
        }
        assertThat(NodeArguments.parse(new String[0], PREFIX).port("port", 9300))
                .isEqualTo(9300);
    }

    @Test
    void refusesAnArgumentThatIsNotNameEqualsValue() {
        assertThatThrownBy(() -> NodeArguments.parse(new String[] {"-port", "9500"}, PREFIX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-port: arguments must look like --name=value");
    }

    @Test
    void namesTheOptionAndItsRuleWhenAPortIsOutOfRange() {
        NodeArguments given = NodeArguments.parse(new String[] {"--http-port=70000"}, PREFIX);

        assertThatThrownBy(() -> given.port("http-port", 9200))
                .hasMessage("http-port: must be a port number between 1 and 65535, was 70000");
    }

    @Test
    void saysHowToGiveARequiredOption() {
        assertThatThrownBy(() -> NodeArguments.parse(new String[0], PREFIX).required("home"))
                .hasMessage("home: required (--home=DIR or -D" + PREFIX + "home=DIR)");
    }

    @Test
    void exitsOnStdinEofOnlyWhenAskedTo() {
        assertThat(NodeArguments.parse(new String[0], PREFIX).exitOnStdinEof()).isFalse();
        assertThat(NodeArguments.parse(new String[] {"--exit-on-stdin-eof=true"}, PREFIX)
                        .exitOnStdinEof())
                .isTrue();
    }
}
