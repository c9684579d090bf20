package org.eldercare.infra.stack;

/** Test helpers that change one component of a config. */
final class LocalStackConfigs {

    private LocalStackConfigs() {}

    static LocalStackConfig withEsHttpPort(LocalStackConfig c, int port) {
        return new LocalStackConfig(
                c.dataDir(),
                c.kafkaPort(),
                c.kafkaControllerPort(),
                c.kafkaHeap(),
                port,
                c.esTransportPort(),
                c.esHeap(),
                c.flinkRestPort(),
                c.flinkTaskSlots(),
                c.flinkParallelism(),
                c.kafkaNodeDir(),
                c.esNodeDir(),
                c.startupTimeout(),
                c.bindAddress());
    }
}
