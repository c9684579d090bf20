package org.eldercare.infra.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.ingest.publish.PublisherConfig;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.TopicSettings;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.index.RetentionSettings;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.pii.PiiSecrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container build files and deployment manifests under {@code infra/deploy} agree with the build: image tags with
 * the root pom's versions, topics with {@link TopicRegistry}, indexes with {@link IndexRegistry}, and every environment
 * variable set on the API or the job with a setting those programs read. Compose and Kubernetes are not run here (no
 * container engine); this is what keeps them from drifting.
 */
class DeploymentManifestsTest {

    static Path root;
    static ManifestChecker checker;
    static Set<String> apiProperties;

    @BeforeAll
    static void readTheBuild() throws Exception {
        root = Path.of(System.getProperty("eldercare.root", "../../.."))
                .toAbsolutePath()
                .normalize();
        Set<String> topics = new TreeSet<>();
        TopicRegistry.ALL.forEach(t -> topics.add(t.name()));
        Set<String> indexes = new TreeSet<>(IndexRegistry.names());
        apiProperties = apiProperties(root);
        List<Pattern> apiEnv =
                apiProperties.stream().map(DeploymentManifestsTest::envPattern).toList();
        Set<String> jobEnv = new TreeSet<>();
        StreamingConfig.SETTINGS.forEach(o -> jobEnv.add(o.envName(StreamingConfig.ENV_PREFIX)));
        // The PII keys are no options: the tasks read them from these (docs/CONTRACT.md §6.7).
        jobEnv.add(PiiSecrets.ENV_HMAC_KEY);
        jobEnv.add(PiiSecrets.ENV_KEYS);
        checker = new ManifestChecker(
                rootPomVersions(root.resolve("pom.xml")),
                topics,
                indexes,
                name -> apiEnv.stream().anyMatch(p -> p.matcher(name).matches()),
                jobEnv::contains);
    }

    @Test
    void everyDeploymentFileAgreesWithTheBuild() throws IOException {
        Path deploy = root.resolve("infra/deploy");
        List<String> problems = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        ManifestChecker.Seen k8s = new ManifestChecker.Seen();
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String source = deploy.relativize(file).toString();
                String text = Files.readString(file);
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    ManifestChecker.Seen seen = source.startsWith("k8s") ? k8s : new ManifestChecker.Seen();
                    problems.addAll(checker.checkYaml(source, text, seen));
                    checked.add(file);
                } else if (name.endsWith("Dockerfile")) {
                    problems.addAll(checker.checkDockerfile(source, text));
                    checked.add(file);
                }
            }
        }
        problems.addAll(checker.checkCoverage(k8s, true, true));

        assertThat(checked)
                .extracting(p -> deploy.relativize(p).toString())
                .contains(
                        "docker/api.Dockerfile",
                        "docker/job.Dockerfile",
                        "compose/compose.yaml",
                        "k8s/flink.yaml",
                        "k8s/kafka.yaml",
                        "k8s/kafka-topics.yaml",
                        "k8s/elasticsearch.yaml",
                        "k8s/api.yaml",
                        "k8s/secrets.yaml");
        assertThat(problems).isEmpty();
    }

    @Test
    void flagsADeliberatelyDriftedManifest() {
        String drifted = """
                services:
                  kafka:
                    image: apache/kafka:4.1.0
                  api:
                    image: eldercare/api:0.1.0-SNAPSHOT
                    environment:
                      ELDERCARE_KAFKA_BOOTSTRAP: kafka:9092
                      ELDERCARE_KAFKA_BOOTSTRAPSERVERS: kafka:9092
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                spec:
                  kafka:
                    version: 4.1.0
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: { name: eldercare-events-v2 }
                spec: { topicName: eldercare.events.v2 }
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: { name: eldercare-events-v1 }
                spec: { topicName: eldercare.events.v1, config: { cleanup.policy: compact, retention.ms: 86400000 } }
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                spec:
                  image: eldercare/job:0.1.0-SNAPSHOT
                  flinkVersion: v2_1
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          env:
                            - { name: ELDERCARE_JOB_PII_KEY, value: x }
                ---
                apiVersion: v1
                kind: Secret
                stringData:
                  roles.yml: |
                    app:
                      indices:
                        - names: ["indicator"]
                """;

        List<String> problems = checker.checkYaml("drifted.yaml", drifted, new ManifestChecker.Seen());

        assertThat(problems)
                .anySatisfy(p -> assertThat(p).contains("apache/kafka:4.1.0 should be apache/kafka:4.2.0"))
                .anySatisfy(p -> assertThat(p).contains("env ELDERCARE_KAFKA_BOOTSTRAP sets no API property"))
                .anySatisfy(p -> assertThat(p).contains("Kafka spec.kafka.version 4.1.0 should be 4.2.0"))
                .anySatisfy(p -> assertThat(p).contains("KafkaTopic eldercare.events.v2 is not in the topic registry"))
                .anySatisfy(p -> assertThat(p)
                        .contains("KafkaTopic eldercare.events.v1 cleanup.policy compact should be delete"))
                .anySatisfy(p -> assertThat(p)
                        .contains(
                                "KafkaTopic eldercare.events.v1 retention.ms: eldercare.kafka.topics.events-retention:"
                                        + " must be at least PT336H"))
                .anySatisfy(p -> assertThat(p).contains("spec.flinkVersion v2_1 should be v2_2"))
                .anySatisfy(p -> assertThat(p).contains("env ELDERCARE_JOB_PII_KEY sets no job option"))
                .anySatisfy(p -> assertThat(p).contains("names index indicator, which is not in the index registry"))
                .noneSatisfy(p -> assertThat(p).contains("ELDERCARE_KAFKA_BOOTSTRAPSERVERS"));
        assertThat(checker.checkDockerfile("x.Dockerfile", "FROM flink:2.1.0-java17\n"))
                .containsExactly("x.Dockerfile: image flink:2.1.0-java17 should be flink:2.2.0-java21 (the build's"
                        + " version)");
        assertThat(checker.checkCoverage(new ManifestChecker.Seen(), true, true))
                .contains("topic eldercare.events.v1: no KafkaTopic declares it")
                .contains("index recipients: no Elasticsearch role grants it");
    }

    @Test
    void knowsTheApiPropertiesFromTheAppsOwnConfigurationClasses() {
        assertThat(apiProperties)
                .contains(
                        "eldercare.kafka.bootstrap-servers",
                        "eldercare.elasticsearch.url",
                        "eldercare.elasticsearch.password",
                        "eldercare.security.hmac-key",
                        "eldercare.security.tokens[*].operator-id",
                        "eldercare.data-dir",
                        "server.port");
        Predicate<String> env = checker.apiEnv();
        assertThat(env.test("ELDERCARE_SECURITY_TOKENS_12_OPERATORID")).isTrue();
        assertThat(env.test("ELDERCARE_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(env.test("ELDERCARE_KAFKA_BOOTSTRAP")).isFalse();
        assertThat(env.test("ELDERCARE_SECURITY_TOKENS_OPERATORID")).isFalse();
    }

    /**
     * Every property the API binds: {@link SecurityProperties} (its {@code @ConfigurationProperties}), the
     * Elasticsearch and Kafka settings it reads through {@link ElasticsearchConfig} and {@link PublisherConfig}, every
     * {@code @Value} placeholder in its sources, and every key of its {@code application.yml}.
     */
    static Set<String> apiProperties(Path root) throws IOException {
        Set<String> properties = new TreeSet<>();
        String security = SecurityProperties.class
                .getAnnotation(org.springframework.boot.context.properties.ConfigurationProperties.class)
                .value();
        for (RecordComponent component : SecurityProperties.class.getRecordComponents()) {
            if (component.getName().equals("tokens")) {
                for (RecordComponent grant : SecurityProperties.TokenGrant.class.getRecordComponents()) {
                    properties.add(security + ".tokens[*]." + kebab(grant.getName()));
                }
            } else {
                properties.add(security + "." + kebab(component.getName()));
            }
        }
        ElasticsearchConfig.SETTINGS.forEach(s -> properties.add(s.key()));
        PublisherConfig.ALL_SETTINGS.forEach(s -> properties.add(s.key()));
        TopicSettings.SETTINGS.forEach(s -> properties.add(s.key()));
        RetentionSettings.SETTINGS.forEach(s -> properties.add(s.key()));
        Pattern placeholder = Pattern.compile("\\$\\{([a-z][a-z0-9.-]+)[:}]");
        try (Stream<Path> sources = Files.walk(root.resolve("api/src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(source));
                while (m.find()) {
                    properties.add(m.group(1));
                }
            }
        }
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(root.resolve("api/src/main/resources/application.yml")));
        flatten("", yaml, properties);
        return properties;
    }

    /** Spring Boot's environment-variable form: upper case, {@code .} as {@code _}, dashes dropped, list indexes. */
    static Pattern envPattern(String property) {
        String[] parts = property.split("\\[\\*]", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("_\\d+");
            }
            regex.append(Pattern.quote(parts[i].toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_')
                    .replace("-", "")));
        }
        return Pattern.compile(regex.toString());
    }

    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (!prefix.isEmpty()) {
            into.add(prefix);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The root pom's {@code <properties>} and {@code project.version}. */
    static Map<String, String> rootPomVersions(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        Map<String, String> versions = new HashMap<>();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e && e.getTagName().equals("version")) {
                versions.put("project.version", e.getTextContent().trim());
            }
            if (child instanceof Element e && e.getTagName().equals("properties")) {
                NodeList properties = e.getChildNodes();
                for (int j = 0; j < properties.getLength(); j++) {
                    if (properties.item(j) instanceof Element property) {
                        versions.put(
                                property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
        }
        Set<String> needed = new LinkedHashSet<>(List.of(
                "project.version",
                "kafka.version",
                "elasticsearch.version",
                "flink.version",
                "maven.compiler.release"));
        needed.removeAll(versions.keySet());
        assertThat(needed).as("versions missing from " + pom).isEmpty();
        return versions;
    }
}
