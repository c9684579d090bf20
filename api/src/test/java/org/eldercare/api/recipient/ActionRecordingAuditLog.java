package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eldercare.api.system.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An audit log for web tests of other packages: keeps {@code "<principal> <action> <target>"} per entry and the role
 * of each in {@link #roles}; with {@link #failing} set it refuses as an unreachable audit index would (503).
 */
public final class ActionRecordingAuditLog extends AuditLog {

    public final List<String> entries = new CopyOnWriteArrayList<>();
    public final List<String> roles = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    public ActionRecordingAuditLog() {
        super(new ElasticsearchClient(new FakeTransport()), new SimpleMeterRegistry());
    }

    /** Forgets every entry and role and records again: the log is a bean shared by a context's tests. */
    public void clear() {
        entries.clear();
        roles.clear();
        failing = false;
    }

    @Override
    public void record(Caller caller, String action, String target, Map<String, Object> query, int resultCount) {
        record(caller.name(), caller.role().name(), action, target, query, resultCount);
    }

    @Override
    public void record(
            String principal, String role, String action, String target, Map<String, Object> query, int resultCount) {
        if (failing) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "audit: could not record the lookup");
        }
        entries.add(principal + " " + action + " " + target);
        roles.add(role);
    }
}
