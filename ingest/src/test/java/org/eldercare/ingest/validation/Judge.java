package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.fixtures.EventJson;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;

/** Reads fixture events the way the API does, at {@link Events#NOW}, against {@link TestStreets}. */
final class Judge {

    static final EventReader READER = new EventReader(new TestStreets(), Events.CLOCK);

    private Judge() {}

    static ReadResult read(EventJson event) {
        return READER.read(event.bytes());
    }

    /** The errors of the event; empty when it is valid. */
    static List<String> errorsOf(EventJson event) {
        return read(event) instanceof ReadResult.Invalid invalid ? invalid.errors() : List.of();
    }

    static CareEvent valid(EventJson event) {
        ReadResult result = read(event);
        assertThat(result).as("errors of %s", event).isInstanceOf(ReadResult.Valid.class);
        return ((ReadResult.Valid) result).event();
    }
}
