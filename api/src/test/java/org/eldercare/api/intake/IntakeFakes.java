package org.eldercare.api.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Web-slice fakes for the intake: an event log that records or fails on demand, and a fixed clock. */
@TestConfiguration
class IntakeFakes {

    static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    @Bean
    @Primary
    RecordingEventLog recordingEventLog() {
        return new RecordingEventLog();
    }

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
