package org.eldercare.infra.platform.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.TopicSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Cross-checks deployment files against the build: image tags against the root pom's versions, Kafka topics against
 * the topic registry, Elasticsearch index names against the index registry, and the environment of the API and job
 * containers against the settings those programs really read. Each check returns problems as text naming the file
 * and the value; an empty list means the files agree with the build.
 *
 * @param versions the root pom's properties ({@code kafka.version}, {@code elasticsearch.version},
 *     {@code flink.version}, {@code maven.compiler.release}) and {@code project.version}
 * @param topics every topic name the platform declares
 * @param indexes every index name the platform declares
 * @param apiEnv whether an environment variable name sets a real API property
 * @param jobEnv whether an environment variable name sets a real option of the streaming job
 */
record ManifestChecker(
        Map<String, String> versions,
        Set<String> topics,
        Set<String> indexes,
        Predicate<String> apiEnv,
        Predicate<String> jobEnv) {

    private static final Pattern TOPIC_LIKE = Pattern.compile("eldercare\\.[a-z0-9.-]+\\.v\\d+");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    /** What a set of files declared, for the checks that need all of them (every topic and index covered). */
    static final class Seen {
        final Set<String> topics = new TreeSet<>();
        final Set<String> indexes = new TreeSet<>();
    }

    /** The image every {@code image:} may name, by repository, with the tag the build pins. */
    Map<String, String> expectedTags() {
        String release = versions.get("maven.compiler.release");
        return Map.of(
                "apache/kafka", versions.get("kafka.version"),
                "docker.elastic.co/elasticsearch/elasticsearch", versions.get("elasticsearch.version"),
                "flink", versions.get("flink.version") + "-java" + release,
                "eclipse-temurin", release + "-jre",
                "eldercare/api", versions.get("project.version"),
                "eldercare/job", versions.get("project.version"));
    }

    List<String> checkDockerfile(String source, String text) {
        List<String> problems = new ArrayList<>();
        Matcher from = FROM.matcher(text);
        while (from.find()) {
            checkImage(source, from.group(1), problems);
        }
        return problems;
    }

    /** Checks every document of one YAML file. */
    List<String> checkYaml(String source, String text, Seen seen) {
        List<String> problems = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document instanceof Map<?, ?> root) {
                walk(source, root, problems, seen);
                checkResource(source, root, problems, seen);
                checkComposeServices(source, root, problems);
            }
        }
        return problems;
    }

    /** Problems of a whole set of files: a registered topic without a KafkaTopic, an index no role covers. */
    List<String> checkCoverage(Seen seen, boolean expectKafkaTopics, boolean expectIndexRoles) {
        List<String> problems = new ArrayList<>();
        if (expectKafkaTopics) {
            topics.stream()
                    .filter(t -> !seen.topics.contains(t))
                    .forEach(t -> problems.add("topic " + t + ": no KafkaTopic declares it"));
        }
        if (expectIndexRoles) {
            indexes.stream()
                    .filter(i -> !seen.indexes.contains(i))
                    .forEach(i -> problems.add("index " + i + ": no Elasticsearch role grants it"));
        }
        return problems;
    }

    private void walk(String source, Object node, List<String> problems, Seen seen) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("image".equals(key) && value instanceof String image) {
                    checkImage(source, image, problems);
                }
                walk(source, value, problems, seen);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(source, item, problems, seen));
        } else if (node instanceof String text) {
            Matcher topic = TOPIC_LIKE.matcher(text);
            while (topic.find()) {
                if (!topics.contains(topic.group())) {
                    problems.add(source + ": topic " + topic.group() + " is not in the topic registry " + topics);
                }
            }
        }
    }

    private void checkImage(String source, String image, List<String> problems) {
        int colon = image.lastIndexOf(':');
        if (colon < 0 || image.lastIndexOf('/') > colon) {
            problems.add(source + ": image " + image + " has no tag; pin it to the build's version");
            return;
        }
        String repository = image.substring(0, colon);
        String tag = image.substring(colon + 1);
        String expected = expectedTags().get(repository);
        if (expected == null) {
            problems.add(source + ": image " + image + " is none the build pins "
                    + expectedTags().keySet());
        } else if (!expected.equals(tag)) {
            problems.add(source + ": image " + image + " should be " + repository + ":" + expected
                    + " (the build's version)");
        }
    }

    private void checkResource(String source, Map<?, ?> root, List<String> problems, Seen seen) {
        Object kind = root.get("kind");
        Map<?, ?> spec = map(root.get("spec"));
        if ("Kafka".equals(kind)) {
            expect(
                    source,
                    "Kafka spec.kafka.version",
                    map(spec.get("kafka")).get("version"),
                    "kafka.version",
                    problems);
        } else if ("Elasticsearch".equals(kind)) {
            expect(source, "Elasticsearch spec.version", spec.get("version"), "elasticsearch.version", problems);
        } else if ("FlinkDeployment".equals(kind)) {
            String[] flink = versions.get("flink.version").split("\\.");
            String wanted = "v" + flink[0] + "_" + flink[1];
            if (!wanted.equals(String.valueOf(spec.get("flinkVersion")))) {
                problems.add(source + ": FlinkDeployment spec.flinkVersion " + spec.get("flinkVersion") + " should be "
                        + wanted + " (flink.version " + versions.get("flink.version") + ")");
            }
            for (Object container :
                    list(map(map(spec.get("podTemplate")).get("spec")).get("containers"))) {
                checkEnv(source + " FlinkDeployment", map(container).get("env"), jobEnv, "job option", problems);
            }
        } else if ("KafkaTopic".equals(kind)) {
            Object name = spec.containsKey("topicName")
                    ? spec.get("topicName")
                    : map(root.get("metadata")).get("name");
            if (!topics.contains(String.valueOf(name))) {
                problems.add(source + ": KafkaTopic " + name + " is not in the topic registry " + topics);
            }
            TopicRegistry.byName(String.valueOf(name))
                    .ifPresent(topic -> checkTopicConfig(source, topic, map(spec.get("config")), problems));
            seen.topics.add(String.valueOf(name));
        } else if ("Deployment".equals(kind)) {
            Map<?, ?> podSpec = map(map(spec.get("template")).get("spec"));
            for (Object container : list(podSpec.get("containers"))) {
                Map<?, ?> c = map(container);
                if (String.valueOf(c.get("image")).startsWith("eldercare/api:")) {
                    checkEnv(source + " Deployment", c.get("env"), apiEnv, "API property", problems);
                }
            }
        } else if ("Secret".equals(kind)) {
            Object roles = map(root.get("stringData")).get("roles.yml");
            if (roles instanceof String text) {
                checkRoles(source, text, problems, seen);
            }
        }
    }

    private void checkComposeServices(String source, Map<?, ?> root, List<String> problems) {
        if (!(root.get("services") instanceof Map<?, ?> services)) {
            return;
        }
        services.forEach((name, service) -> {
            String image = String.valueOf(map(service).get("image"));
            Object environment = map(service).get("environment");
            if (image.startsWith("eldercare/api:")) {
                checkEnv(source + " service " + name, environment, apiEnv, "API property", problems);
            } else if (image.startsWith("eldercare/job:")) {
                checkEnv(source + " service " + name, environment, jobEnv, "job option", problems);
            }
        });
    }

    /** Kubernetes env lists ({@code - name: X}) and compose maps ({@code X: value}) alike. */
    private static void checkEnv(
            String where, Object env, Predicate<String> known, String what, List<String> problems) {
        Set<String> names = new LinkedHashSet<>();
        if (env instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> names.add(String.valueOf(k)));
        } else {
            list(env).forEach(entry -> names.add(String.valueOf(map(entry).get("name"))));
        }
        for (String name : names) {
            boolean ours = name.startsWith("ELDERCARE_") || name.startsWith("SERVER_") || name.startsWith("SPRING_");
            if (ours && !known.test(name)) {
                problems.add(where + ": env " + name + " sets no " + what + " (relaxed binding finds nothing)");
            }
        }
    }

    private void checkRoles(String source, String rolesYaml, List<String> problems, Seen seen) {
        Object roles = new Yaml(new SafeConstructor(new LoaderOptions())).load(rolesYaml);
        map(roles).forEach((role, definition) -> {
            for (Object grant : list(map(definition).get("indices"))) {
                for (Object index : list(map(grant).get("names"))) {
                    if (!indexes.contains(String.valueOf(index))) {
                        problems.add(source + ": role " + role + " names index " + index
                                + ", which is not in the index registry " + indexes);
                    }
                    seen.indexes.add(String.valueOf(index));
                }
            }
        });
    }

    private void expect(String source, String what, Object actual, String property, List<String> problems) {
        if (!versions.get(property).equals(String.valueOf(actual))) {
            problems.add(source + ": " + what + " " + actual + " should be " + versions.get(property) + " (" + property
                    + ")");
        }
    }

    private static Map<?, ?> map(Object node) {
        return node instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    /** A KafkaTopic keeps records as the registry says: compacted or deleted, and not sooner than its rule allows. */
    private static void checkTopicConfig(String source, TopicSpec<?> topic, Map<?, ?> config, List<String> problems) {
        String policy = String.valueOf(config.containsKey("cleanup.policy") ? config.get("cleanup.policy") : "delete");
        String wanted = topic.compacted() ? "compact" : "delete";
        if (!policy.equals(wanted)) {
            problems.add(source + ": KafkaTopic " + topic.name() + " cleanup.policy " + policy + " should be " + wanted
                    + " (TopicRegistry)");
        }
        if (topic.retention().isPresent() && config.containsKey("retention.ms")) {
            try {
                topic.retention()
                        .get()
                        .check(Duration.ofMillis(Long.parseLong(String.valueOf(config.get("retention.ms")))));
            } catch (IllegalArgumentException e) {
                problems.add(source + ": KafkaTopic " + topic.name() + " retention.ms: " + e.getMessage());
            }
        }
    }
}
