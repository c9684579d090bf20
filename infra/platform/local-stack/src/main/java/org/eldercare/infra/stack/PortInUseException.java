package org.eldercare.infra.stack;

import org.eldercare.ingest.config.Setting;

/** A port the stack needs is taken; the message names the port and the property that moves it. */
public final class PortInUseException extends LocalStackException {

    private final int port;
    private final transient Setting<Integer> property;

    PortInUseException(int port, Setting<Integer> property) {
        super(property.key() + ": port " + port + " on 127.0.0.1 is already in use; stop whatever listens there"
                + " (another eldercare stack?) or set " + property.key() + " to a free port");
        this.port = port;
        this.property = property;
    }

    public int port() {
        return port;
    }

    public Setting<Integer> property() {
        return property;
    }
}
