package org.eldercare.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The eldercare platform: intake, live indicators, recipient matching and the portal in one app. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EldercareApplication {

    public static void main(String[] args) {
        SpringApplication.run(EldercareApplication.class, args);
    }
}
