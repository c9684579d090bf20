package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eldercare.api.system.Caller;

/** An audit log for web tests of other packages: keeps {@code "<caller> <action> <target>"} per entry. */
public final class ActionRecordingAuditLog extends AuditLog {

    public final List<String> entries = new CopyOnWriteArrayList<>();

    public ActionRecordingAuditLog() {
        super(new ElasticsearchClient(new FakeTransport()), new SimpleMeterRegistry());
    }

    @Override
    public void record(Caller caller, String action, String target, Map<String, Object> query, int resultCount) {
        entries.add(caller.name() + " " + action + " " + target);
    }
}
