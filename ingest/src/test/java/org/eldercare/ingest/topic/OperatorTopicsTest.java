package org.eldercare.ingest.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorTopicsTest {

    @Test
    void namesOneTopicPerOperatorAndReadsTheOperatorBack() {
        String topic = Topics.operatorTopic("op-1");

        assertThat(topic).isEqualTo("eldercare.events.op.op-1.v1");
        assertThat(Topics.operatorOf(topic)).contains("op-1");
        assertThat(Topics.EVENT_TOPICS.matcher(topic).matches()).isTrue();
        assertThat(Topics.EVENT_TOPICS.matcher(Topics.EVENTS).matches()).isTrue();
    }

    @Test
    void theSharedTopicAndOtherTopicsSpeakForNoOperator() {
        assertThat(Topics.operatorOf(Topics.EVENTS)).isEmpty();
        assertThat(Topics.operatorOf(Topics.DEAD_LETTERS)).isEmpty();
        assertThat(Topics.operatorOf("eldercare.events.op.a.b.v1")).isEmpty();
        assertThat(Topics.EVENT_TOPICS.matcher(Topics.DEAD_LETTERS).matches()).isFalse();
        assertThat(Topics.EVENT_TOPICS.matcher("eldercare.events.op..v1").matches())
                .isFalse();
    }

    @Test
    void refusesAnOperatorIdThatCannotNameATopicNamingTheField() {
        assertThatThrownBy(() -> Topics.operatorTopic("op_1"))
                .hasMessage("operatorId: must be 1 to 64 characters of A-Z, a-z, 0-9 and - to name a Kafka topic,"
                        + " was 'op_1'");
        assertThatThrownBy(() -> Topics.operatorTopic("op.1")).hasMessageStartingWith("operatorId: must be");
        assertThatThrownBy(() -> Topics.operatorTopic("x".repeat(65))).hasMessageStartingWith("operatorId: must be");
        assertThatThrownBy(() -> Topics.operatorTopic(null)).hasMessageEndingWith("was null");
    }
}
