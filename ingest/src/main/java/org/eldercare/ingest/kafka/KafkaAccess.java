package org.eldercare.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.TopicSettings;
import org.eldercare.ingest.topic.Topics;

/**
 * The principals and ACLs of docs/CONTRACT.md §6.6, applied through an {@link Admin} that may alter them (a super
 * user): an operator may write its own topic and nothing else; the API writes the shared events topic and the dead
 * letters; the job reads the event topics and writes its outputs. Idempotent: granting twice changes nothing.
 *
 * <p>Principals are SCRAM users ({@code User:<name>}); {@link #upsertScramUser} creates or changes one.
 */
public final class KafkaAccess {

    private final Admin admin;
    private final TopicSettings topicSettings;
    private final Duration timeout;

    /** Creates operator topics with the default {@link TopicSettings}. */
    public KafkaAccess(Admin admin, Duration timeout) {
        this(admin, TopicSettings.defaults(), timeout);
    }

    /** Creates operator topics with {@code topicSettings} (partitions, replication, retention). */
    public KafkaAccess(Admin admin, TopicSettings topicSettings, Duration timeout) {
        this.admin = admin;
        this.topicSettings = topicSettings;
        this.timeout = timeout;
    }

    /** Creates the SCRAM-SHA-512 credential of {@code user}, or replaces its password. */
    public void upsertScramUser(String user, String password) {
        await(
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                                user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                        .all(),
                "set the SCRAM credential of " + user);
    }

    /**
     * Creates the operator's topic if missing ({@link TopicRegistry#OPERATOR_EVENTS}, keyed and kept as the events
     * topic) and lets {@code principal} (a user name) write and describe it: the only topic it may touch. Returns the
     * topic.
     */
    public String grantOperator(String operatorId, String principal) {
        NewTopic newTopic = TopicRegistry.OPERATOR_EVENTS.newTopic(operatorId, topicSettings);
        String topic = newTopic.name();
        try {
            await(admin.createTopics(List.of(newTopic)).all(), "create topic " + topic);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        List<AclBinding> acls = new ArrayList<>();
        ResourcePattern own = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        acls.add(allow(own, principal, AclOperation.WRITE));
        acls.add(allow(own, principal, AclOperation.DESCRIBE));
        create(acls);
        return topic;
    }

    /** The API: writes the shared events topic and the dead letters, creates topics, reads the job's group offsets. */
    public void grantApi(String principal, String streamingGroup) {
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(Topics.EVENTS, Topics.DEAD_LETTERS)) {
            ResourcePattern p = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            acls.add(allow(p, principal, AclOperation.WRITE));
            acls.add(allow(p, principal, AclOperation.DESCRIBE));
        }
        // The incident stream (docs/CONTRACT.md §9.7) reads the incidents topic by assignment, without a group.
        ResourcePattern incidents = new ResourcePattern(ResourceType.TOPIC, Topics.INCIDENTS, PatternType.LITERAL);
        acls.add(allow(incidents, principal, AclOperation.READ));
        acls.add(allow(incidents, principal, AclOperation.DESCRIBE));
        ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
        acls.add(allow(cluster, principal, AclOperation.CREATE));
        acls.add(allow(cluster, principal, AclOperation.DESCRIBE));
        // Pipeline progress compares the job's committed offsets with the end of the events topics.
        ResourcePattern group = new ResourcePattern(ResourceType.GROUP, streamingGroup, PatternType.LITERAL);
        acls.add(allow(group, principal, AclOperation.DESCRIBE));
        acls.add(allow(group, principal, AclOperation.READ));
        create(acls);
    }

    /**
     * The job: reads every event topic (shared and operator) and the dead letters, commits offsets under groups
     * starting with {@code groupPrefix}, and writes its outputs transactionally under {@code transactionalIdPrefix}.
     */
    public void grantJob(String principal, String groupPrefix, String transactionalIdPrefix) {
        List<AclBinding> acls = new ArrayList<>();
        ResourcePattern events =
                new ResourcePattern(ResourceType.TOPIC, Topics.eventTopicPrefix(), PatternType.PREFIXED);
        acls.add(allow(events, principal, AclOperation.READ));
        acls.add(allow(events, principal, AclOperation.DESCRIBE));
        for (String topic : List.of(Topics.DEAD_LETTERS, Topics.INDICATORS, Topics.INCIDENTS)) {
            ResourcePattern p = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            acls.add(allow(p, principal, AclOperation.WRITE));
            acls.add(allow(p, principal, AclOperation.DESCRIBE));
        }
        acls.add(allow(
                new ResourcePattern(ResourceType.GROUP, groupPrefix, PatternType.PREFIXED),
                principal,
                AclOperation.READ));
        ResourcePattern txn =
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED);
        acls.add(allow(txn, principal, AclOperation.WRITE));
        acls.add(allow(txn, principal, AclOperation.DESCRIBE));
        create(acls);
    }

    private void create(List<AclBinding> acls) {
        await(admin.createAcls(acls).all(), "create ACLs");
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(
                resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
