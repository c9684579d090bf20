package org.eldercare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster mode ({@code ./eldercare up --cluster}, docs/CONTRACT.md §6.10): Kafka, Elasticsearch, a standalone Flink
 * JobManager, {@value #TASK_MANAGERS} TaskManagers and the API's production jar, each its own JVM; the job jar is
 * submitted with {@code flink run}. Each process's PID is in {@code <data-dir>/run/<role>.pid}. While the mode runs
 * the launcher restarts any process that exits, unless {@code <data-dir>/run/<role>.hold} exists, and submits the job
 * again (resuming from the newest retained checkpoint) when a restarted JobManager has lost it: there is no HA.
 * {@link #close()} (SIGTERM, Ctrl-C) stops the API, the TaskManagers, the JobManager, Kafka and Elasticsearch.
 */
public final class ClusterPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterPlatform.class);

    /** TaskManagers of the mode, each with {@value #SLOTS_PER_TASK_MANAGER} slots. */
    public static final int TASK_MANAGERS = 2;

    public static final int SLOTS_PER_TASK_MANAGER = 2;

    public static final String JOB_MAIN_CLASS = "org.eldercare.streaming.StreamingJobs";

    private static final Setting<Integer> SERVER_PORT = Setting.integer("server.port", "8080", "The API's HTTP port.")
            .rule(p -> p >= 1 && p <= 65535, "must be a port between 1 and 65535");
    private static final Setting<String> CHECKPOINT_INTERVAL = Setting.text(
            "eldercare.streaming.checkpoint-interval", "PT2S", "Checkpoint interval of the job (ISO-8601).");
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Duration SUPERVISE_EVERY = Duration.ofMillis(500);

    /** The demo grants of docs/CONTRACT.md §1, as the local profile has them. */
    private static final List<String[]> DEMO_TOKENS = List.of(
            new String[] {"demo-operator-1", "operator-1", "OPERATOR", "op-1"},
            new String[] {"demo-operator-2", "operator-2", "OPERATOR", "op-2"},
            new String[] {"demo-planner", "planner", "PLANNER", null},
            new String[] {"demo-hotline", "hotline", "HOTLINE", null},
            new String[] {"demo-admin", "admin", "ADMIN", null},
            new String[] {"demo-civil-affairs", "civil-affairs", "CIVIL_AFFAIRS", null});

    /** JDK 17+ options the Flink distribution passes every Flink JVM ({@code env.java.default-opts.all}). */
    private static final List<String> FLINK_JVM_OPTIONS = Stream.concat(
                    Stream.of("java.rmi/sun.rmi.registry", "java.security.jgss/sun.security.krb5")
                            .map(p -> "--add-exports=" + p + "=ALL-UNNAMED"),
                    Stream.of(
                                    "java.lang",
                                    "java.net",
                                    "java.io",
                                    "java.nio",
                                    "sun.nio.ch",
                                    "java.lang.reflect",
                                    "java.text",
                                    "java.time",
                                    "java.util",
                                    "java.util.concurrent",
                                    "java.util.concurrent.atomic",
                                    "java.util.concurrent.locks")
                            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED"))
            .toList();

    private final LocalStackConfig stack;
    private final Path root;
    private final int serverPort;
    private final String checkpointInterval;
    private final Path runDir;
    private final Path flinkNodeDir;
    private final KafkaNode kafka;
    private final ElasticsearchNode elasticsearch;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicInteger jobManagerStarts = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SelfSignedTls.Material restTls;
    private FlinkRest rest;
    private Thread supervisor;
    private volatile String jobId;

    /** One supervised process: how to start it, and the one running now. */
    private static final class Role {
        final String name;
        final Launcher launcher;
        volatile NodeProcess process;

        Role(String name, Launcher launcher) {
            this.name = name;
            this.launcher = launcher;
        }
    }

    @FunctionalInterface
    private interface Launcher {
        NodeProcess launch() throws IOException;
    }

    public ClusterPlatform(LocalStackConfig stack, Path root, int serverPort, String checkpointInterval) {
        this.stack = stack;
        this.root = root.toAbsolutePath().normalize();
        this.serverPort = serverPort;
        this.checkpointInterval = checkpointInterval;
        this.runDir = stack.dataDir().resolve("run");
        this.flinkNodeDir = this.root.resolve("infra/platform/flink-node/target/node");
        this.kafka = new KafkaNode(stack);
        this.elasticsearch = new ElasticsearchNode(stack);
    }

    /** Reads the settings as {@code ./eldercare up} does: {@code --key=value} arguments, system properties, env. */
    public static ClusterPlatform from(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--cluster")) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException(arg + ": arguments must be --key=value");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        // Spring's relaxed environment names, as ./eldercare up reads them: eldercare.data-dir is ELDERCARE_DATADIR.
        Function<String, String> lookup = key -> given.getOrDefault(
                key,
                System.getProperty(
                        key,
                        System.getenv(key.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT))));
        Settings settings = Settings.from(lookup);
        return new ClusterPlatform(
                LocalStackConfig.from(settings),
                Path.of(settings.get(LocalStackProperty.ROOT)),
                settings.get(SERVER_PORT),
                settings.get(CHECKPOINT_INTERVAL));
    }

    public static void main(String[] args) throws Exception {
        ClusterPlatform cluster = from(args);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "eldercare-cluster-shutdown"));
        try {
            cluster.start();
        } catch (RuntimeException e) {
            log.error("[cluster] failed to start: {}", e.getMessage());
            cluster.close();
            System.exit(1);
        }
        cluster.awaitStop();
    }

    /** Starts every process, submits the job, waits until it runs, then supervises. */
    public void start() {
        long begin = System.nanoTime();
        try {
            startProcesses();
        } catch (IOException e) {
            throw new LocalStackException("[cluster] failed to start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("[cluster] start interrupted", e);
        }
        log.info(
                "[cluster] ready in {}: API http://127.0.0.1:{} (token demo-admin), Flink REST {} (mutual TLS), job {};"
                        + " PIDs in {}",
                LocalStack.seconds(begin),
                serverPort,
                rest.base(),
                jobId,
                runDir);
        supervisor = new Thread(this::supervise, "eldercare-cluster-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private void startProcesses() throws IOException, InterruptedException {
        Ports.requireFree(stack.kafkaPort(), LocalStackProperty.KAFKA_PORT);
        Ports.requireFree(stack.kafkaControllerPort(), LocalStackProperty.KAFKA_CONTROLLER_PORT);
        Ports.requireFree(stack.esHttpPort(), LocalStackProperty.ELASTICSEARCH_PORT);
        Ports.requireFree(stack.esTransportPort(), LocalStackProperty.ELASTICSEARCH_TRANSPORT_PORT);
        Ports.requireFree(stack.flinkRestPort(), LocalStackProperty.FLINK_REST_PORT);
        Ports.requireFree(serverPort, SERVER_PORT);
        if (!Files.isDirectory(flinkNodeDir.resolve("lib"))) {
            throw new LocalStackException(
                    flinkNodeDir.resolve("lib") + " is missing: build infra/platform/flink-node (./eldercare build)");
        }
        Path apiJar = root.resolve("api/target/eldercare-api.jar");
        if (!Files.isRegularFile(apiJar)) {
            throw new LocalStackException(apiJar + " is missing: package api (./eldercare build)");
        }
        Path jobJar = jobJar();
        for (Path dir :
                List.of(stack.dataDir(), stack.kafkaDir(), stack.elasticsearchDir(), stack.flinkDir(), runDir)) {
            OwnerOnly.directory(dir);
        }
        Path conf = writeFlinkConfig();

        roles.put("elasticsearch", new Role("elasticsearch", () -> {
            elasticsearch.launch();
            return elasticsearch.process();
        }));
        roles.put("kafka", new Role("kafka", () -> {
            kafka.launch();
            return kafka.process();
        }));
        roles.put("jobmanager", new Role("jobmanager", () -> {
            jobManagerStarts.incrementAndGet();
            return flinkProcess("jobmanager", "512m", conf);
        }));
        for (int i = 1; i <= TASK_MANAGERS; i++) {
            String name = "taskmanager-" + i;
            roles.put(name, new Role(name, () -> flinkProcess("taskmanager", "768m", conf, name)));
        }
        roles.put("api", new Role("api", () -> apiProcess(apiJar)));

        long begin = System.nanoTime();
        for (String name : List.of("elasticsearch", "kafka", "jobmanager", "taskmanager-1", "taskmanager-2")) {
            launch(roles.get(name));
        }
        Duration timeout = stack.startupTimeout();
        awaitHealthy("elasticsearch", elasticsearch::healthy, begin, timeout);
        awaitHealthy("kafka", kafka::healthy, begin, timeout);
        // The API creates the topics and indexes while it starts; the job is submitted only once the API answers, or
        // the job's sinks would create an index first, without its mapping, and the API would then refuse to start.
        launch(roles.get("api"));
        awaitHealthy("api", this::apiAnswers, begin, timeout);
        awaitHealthy(
                "flink (" + TASK_MANAGERS + " TaskManagers)",
                () -> rest.taskManagers() >= TASK_MANAGERS && rest.freeSlots() >= stack.flinkParallelism(),
                begin,
                timeout);
        jobId = submit(jobJar, conf);
        awaitHealthy("job " + jobId, () -> "RUNNING".equals(rest.jobState(jobId)), begin, timeout);
    }

    /**
     * The cluster's {@code config.yaml}, owner-only: addresses, memory, slots, directories and the REST endpoint's
     * mutual TLS with a key made now. The JobManager, the TaskManagers and the {@code flink} CLI all read it.
     */
    private Path writeFlinkConfig() throws IOException {
        Path flinkDir = stack.flinkDir();
        Path confDir = flinkDir.resolve("conf");
        OwnerOnly.directory(confDir);
        OwnerOnly.directory(flinkDir.resolve("tmp"));
        restTls = SelfSignedTls.generate(flinkDir.resolve("tls"), "rest");
        int[] ports = Ports.freePorts(2);
        Configuration flink = new FlinkCluster(stack).directories();
        flink.addAll(FlinkCluster.restSsl(restTls));
        Map<String, String> yaml = new LinkedHashMap<>(flink.toMap());
        yaml.put("jobmanager.rpc.address", "127.0.0.1");
        yaml.put("jobmanager.rpc.port", Integer.toString(ports[0]));
        yaml.put("jobmanager.bind-host", "127.0.0.1");
        yaml.put("jobmanager.memory.process.size", "1024m");
        yaml.put("blob.server.port", Integer.toString(ports[1]));
        yaml.put("rest.address", "127.0.0.1");
        yaml.put("rest.bind-address", stack.bindAddress());
        yaml.put("rest.port", Integer.toString(stack.flinkRestPort()));
        yaml.put("taskmanager.host", "127.0.0.1");
        yaml.put("taskmanager.bind-host", "127.0.0.1");
        yaml.put("taskmanager.numberOfTaskSlots", Integer.toString(SLOTS_PER_TASK_MANAGER));
        yaml.put("taskmanager.memory.process.size", "1536m");
        yaml.put("parallelism.default", Integer.toString(stack.flinkParallelism()));
        // Spread a job over both TaskManagers, so losing either one is a fault the job must recover from.
        yaml.put("taskmanager.load-balance.mode", "SLOTS");
        // A TaskManager killed with -9 is noticed in seconds, not after Flink's default 50 s.
        yaml.put("heartbeat.interval", "2000");
        yaml.put("heartbeat.timeout", "10000");
        yaml.put("web.submit.enable", "false");
        yaml.put("web.cancel.enable", "false");
        yaml.put("execution.target", "remote");
        Path file = confDir.resolve("config.yaml");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder text =
                new StringBuilder("# Written by ClusterPlatform at every start (docs/CONTRACT.md §6.10).\n");
        yaml.forEach((key, value) ->
                text.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        rest = new FlinkRest("https://127.0.0.1:" + stack.flinkRestPort(), restTls.clientContext());
        return confDir;
    }

    private NodeProcess flinkProcess(String role, String heap, Path conf, String... name) throws IOException {
        String roleName = name.length > 0 ? name[0] : role;
        List<String> command = new ArrayList<>();
        command.add(NodeProcess.java());
        command.addAll(NodeProcess.commonJvmOptions(heap));
        command.add("-Djava.io.tmpdir=" + stack.flinkDir().resolve("tmp"));
        command.addAll(FLINK_JVM_OPTIONS);
        command.addAll(List.of(
                "-cp",
                flinkNodeDir.resolve("lib") + File.separator + "*",
                "org.eldercare.infra.flink.FlinkNodeMain",
                "--role=" + role,
                "--conf-dir=" + conf,
                "--exit-on-stdin-eof=true"));
        return NodeProcess.start(
                roleName, command, Map.of("FLINK_CONF_DIR", conf.toString()), true, runDir.resolve(roleName + ".log"));
    }

    /**
     * The API's production jar with the local demo credentials (docs/CONTRACT.md §6.10), on loopback like the nodes.
     * The Flink REST keystore's password goes through the environment only, never the command line.
     */
    private NodeProcess apiProcess(Path apiJar) throws IOException {
        List<String> command = new ArrayList<>(List.of(NodeProcess.java(), "-Xmx768m"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of(
                "-jar",
                apiJar.toString(),
                "--server.port=" + serverPort,
                "--server.address=" + stack.bindAddress(),
                "--eldercare.data-dir=" + stack.dataDir().resolve("api"),
                "--eldercare.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--eldercare.elasticsearch.url=" + elasticsearch.url(),
                "--eldercare.security.allow-demo-credentials=true",
                "--eldercare.security.public-actuator=true",
                "--management.endpoint.health.show-details=always",
                "--eldercare.flink.rest-url=" + rest.base(),
                "--eldercare.flink.rest-keystore=" + restTls.keystore()));
        for (int i = 0; i < DEMO_TOKENS.size(); i++) {
            String[] grant = DEMO_TOKENS.get(i);
            String prefix = "--eldercare.security.tokens[" + i + "].";
            command.add(prefix + "token=" + grant[0]);
            command.add(prefix + "name=" + grant[1]);
            command.add(prefix + "role=" + grant[2]);
            if (grant[3] != null) {
                command.add(prefix + "operator-id=" + grant[3]);
            }
        }
        return NodeProcess.start(
                "api",
                command,
                Map.of("ELDERCARE_FLINK_RESTKEYSTOREPASSWORD", restTls.password()),
                true,
                runDir.resolve("api.log"));
    }

    /** {@code flink run --detached} of the job jar; the job resumes from the newest retained checkpoint itself. */
    private String submit(Path jobJar, Path conf) throws IOException, InterruptedException {
        return submit(jobJar, conf, stack.flinkParallelism(), null);
    }

    /**
     * {@code flink run --detached [-s savepoint]} of the job jar at {@code parallelism}; a named savepoint wins over
     * the newest retained checkpoint ({@code JobEnvironment}). Returns the new job's id.
     */
    public String submitJob(int parallelism, String savepoint) throws IOException, InterruptedException {
        String id = submit(jobJar(), stack.flinkDir().resolve("conf"), parallelism, savepoint);
        jobId = id;
        return id;
    }

    private String submit(Path jobJar, Path conf, int parallelism, String savepoint)
            throws IOException, InterruptedException {
        List<String> cli = new ArrayList<>(List.of("run", "--detached"));
        if (savepoint != null) {
            cli.addAll(List.of("-s", savepoint));
        }
        cli.addAll(List.of(
                "-c",
                JOB_MAIN_CLASS,
                jobJar.toString(),
                "--kafka.bootstrap=" + kafka.bootstrapServers(),
                "--es.url=" + elasticsearch.url(),
                "--checkpoint.dir=" + stack.flinkDir().resolve("checkpoints").toUri(),
                "--checkpoint.interval=" + checkpointInterval,
                "--parallelism=" + parallelism,
                "--pii.allow-demo-key=true"));
        Matcher submitted = SUBMITTED.matcher(flinkCli(cli, "flink-run.log"));
        if (!submitted.find()) {
            throw new LocalStackException("flink run submitted no job; see " + runDir.resolve("flink-run.log"));
        }
        log.info("[cluster] flink run: job {} submitted at parallelism {}", submitted.group(1), parallelism);
        return submitted.group(1);
    }

    /**
     * {@code flink stop --savepointPath <data-dir>/flink/savepoints <job>}: stops the job with a savepoint, as an
     * operator does before an upgrade or a rescale, and returns the savepoint's path.
     */
    public String stopWithSavepoint(String job) throws IOException, InterruptedException {
        String output = flinkCli(
                List.of(
                        "stop",
                        "--savepointPath",
                        stack.flinkDir().resolve("savepoints").toUri().toString(),
                        job),
                "flink-stop.log");
        Matcher path = Pattern.compile("Savepoint completed\\. Path: (\\S+)").matcher(output);
        if (!path.find()) {
            throw new LocalStackException("flink stop took no savepoint; see " + runDir.resolve("flink-stop.log"));
        }
        return path.group(1);
    }

    /** {@code flink cancel <job>}; its retained checkpoints stay. */
    public void cancelJob(String job) throws IOException, InterruptedException {
        flinkCli(List.of("cancel", job), "flink-cancel.log");
    }

    /** The job's parallelism in this mode ({@code eldercare.flink.parallelism}). */
    public int parallelism() {
        return stack.flinkParallelism();
    }

    /** Runs the {@code flink} CLI with the cluster's configuration and returns its console. */
    private String flinkCli(List<String> cli, String consoleName) throws IOException, InterruptedException {
        Path conf = stack.flinkDir().resolve("conf");
        List<String> command = new ArrayList<>();
        command.add(NodeProcess.java());
        command.addAll(NodeProcess.commonJvmOptions("256m"));
        command.addAll(FLINK_JVM_OPTIONS);
        command.addAll(List.of(
                "-cp",
                flinkNodeDir.resolve("lib") + File.separator + "*",
                "org.eldercare.infra.flink.FlinkNodeMain",
                "--role=client",
                "--conf-dir=" + conf));
        command.addAll(cli);
        Path console = runDir.resolve(consoleName);
        Files.deleteIfExists(console);
        NodeProcess client = NodeProcess.start(
                "flink " + cli.get(0), command, Map.of("FLINK_CONF_DIR", conf.toString()), true, console);
        if (client.waitFor(Duration.ofMinutes(3)).isEmpty()) {
            client.stop();
            throw new LocalStackException("flink " + cli.get(0) + " did not finish in 3 minutes; see " + console);
        }
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    private Path jobJar() throws IOException {
        Path target = root.resolve("streaming/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> jar = files.filter(
                                f -> f.getFileName().toString().endsWith("-job.jar"))
                        .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new LocalStackException("no *-job.jar in " + target + ": package streaming (./eldercare build)");
    }

    private synchronized void launch(Role role) throws IOException {
        if (closing.get()) {
            // Stopping (e.g. Ctrl-C during startup): a process started now would outlive us.
            throw new LocalStackException("[cluster] stopping; " + role.name + " not started");
        }
        role.process = role.launcher.launch();
        writePid(role.name, role.process.pid());
        log.info("[cluster] {}: started, pid {}", role.name, role.process.pid());
    }

    private void writePid(String role, long pid) throws IOException {
        Path file = runDir.resolve(role + ".pid");
        Path tmp = runDir.resolve(role + ".pid.tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private void awaitHealthy(String what, Check check, long begin, Duration timeout) throws InterruptedException {
        // Each part gets the whole timeout from when it is awaited: on a loaded machine they add up.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Role role : roles.values()) {
                if (role.process != null) {
                    role.process.requireAlive();
                }
            }
            try {
                if (check.ok()) {
                    log.info("[cluster] {}: up after {}", what, LocalStack.seconds(begin));
                    return;
                }
            } catch (Exception notYet) {
                // not up yet
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException(what + " not up after " + timeout.toSeconds()
                        + " s (raise eldercare.stack.startup-timeout-seconds); logs in " + runDir);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Restarts every process that exited unless its {@code .hold} file exists; after a JobManager restart, submits
     * the job again once the TaskManagers are back, if the new JobManager has none (it has no HA to recover one).
     */
    private void supervise() {
        int jobManagerStartsSeen = jobManagerStarts.get();
        Path conf = stack.flinkDir().resolve("conf");
        while (!closing.get()) {
            try {
                for (Role role : roles.values()) {
                    if (closing.get()) {
                        return;
                    }
                    if (!role.process.isAlive() && !Files.exists(runDir.resolve(role.name + ".hold"))) {
                        log.warn("[cluster] {}: exited (pid {}); starting it again", role.name, role.process.pid());
                        launch(role);
                    }
                }
                if (jobManagerStarts.get() != jobManagerStartsSeen
                        && roles.get("jobmanager").process.isAlive()
                        && slotsRegistered()) {
                    jobManagerStartsSeen = jobManagerStarts.get();
                    if (!rest.hasLiveJob()) {
                        log.warn("[cluster] the restarted JobManager has no job (no HA); submitting it again");
                        jobId = submit(jobJar(), conf);
                    }
                }
                Thread.sleep(SUPERVISE_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closing.get()) {
                    log.warn("[cluster] supervisor: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    /** The API's HTTP port (loopback). */
    public int apiPort() {
        return serverPort;
    }

    /** A reader of the JobManager's REST API, holding the client key of its mutual TLS. */
    public FlinkRest flinkRest() {
        return rest;
    }

    /** {@code <data-dir>/run}: the PID files, the {@code .hold} files and the Flink and API consoles. */
    public Path runDir() {
        return runDir;
    }

    /** Whether the API has started completely: {@code /api/v1/status} answers 200 (its port listens earlier). */
    private boolean apiAnswers() throws IOException, InterruptedException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                    "http://127.0.0.1:" + serverPort + "/api/v1/status"))
                                            .header("Authorization", "Bearer demo-admin")
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        }
    }

    /** Whether the TaskManagers offer enough slots for the job; false while the JobManager's REST is not up. */
    private boolean slotsRegistered() {
        try {
            return rest.freeSlots() + rest.busySlots() >= stack.flinkParallelism();
        } catch (IOException notUpYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The job's id, as the last {@code flink run} reported it. */
    public String jobId() {
        return jobId;
    }

    /** The PID file of {@code role} ({@code kafka}, {@code taskmanager-1}, ...). */
    public Path pidFile(String role) {
        return runDir.resolve(role + ".pid");
    }

    /** Blocks until {@link #close()} ran. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the API, the TaskManagers, the JobManager, Kafka and Elasticsearch, and removes the PID files. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing.getAndSet(true)) {
                return;
            }
        }
        long begin = System.nanoTime();
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> order = new ArrayList<>(List.of("api"));
        for (int i = TASK_MANAGERS; i >= 1; i--) {
            order.add("taskmanager-" + i);
        }
        order.addAll(List.of("jobmanager", "kafka", "elasticsearch"));
        for (String name : order) {
            Role role = roles.get(name);
            if (role != null && role.process != null) {
                role.process.stop();
            }
            try {
                Files.deleteIfExists(runDir.resolve(name + ".pid"));
            } catch (IOException e) {
                log.warn("[cluster] {}: cannot remove its pid file: {}", name, e.toString());
            }
        }
        kafka.close();
        elasticsearch.close();
        if (rest != null) {
            rest.close();
        }
        log.info("[cluster] stopped in {}", LocalStack.seconds(begin));
        stopped.countDown();
    }
}
