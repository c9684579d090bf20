package org.eldercare.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.config.Setting;

/** Port checks on 127.0.0.1: is a port free, is something listening, pick free ones. */
final class Ports {

    private Ports() {}

    /** Fails with a message naming the port and the property that sets it. */
    static void requireFree(int port, Setting<Integer> property) {
        try (ServerSocket socket = new ServerSocket()) {
            // As servers do: only a listener blocks the bind, not connections lingering in TIME_WAIT after a restart.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, property);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Distinct ports that were free a moment ago; held open together so none is picked twice. */
    static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pick free ports", e);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only a probe.
        }
    }
}
