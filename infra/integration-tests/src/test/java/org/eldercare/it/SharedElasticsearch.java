package org.eldercare.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link ElasticsearchTestNode} for every IT class of the failsafe JVM that declares {@code
 * @ExtendWith(SharedElasticsearch.class)} and takes the node as a parameter of a {@code @BeforeAll} method. A node
 * costs a child JVM's start and stop (about 15 s of a loaded 2-core machine), so it starts with the first such class,
 * lives in the root {@link ExtensionContext.Store} and stops when the run ends; {@link SharedNodeLast} runs these
 * classes after the others, so it never idles beside their nodes.
 *
 * <p>The classes stay apart through their <b>indexes</b>: each writes and reads only indexes no other sharing class
 * touches, and none stops the node or asserts what a first start creates. A class that does ({@code
 * ElasticsearchIndexIT}: the outcomes of a first {@code ensureAll} and a restart; {@code ElasticsearchSinkIT}: an
 * outage) starts a node of its own.
 */
public final class SharedElasticsearch implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedElasticsearch.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        node(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ElasticsearchTestNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return node(context);
    }

    private static ElasticsearchTestNode node(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .node();
    }

    /** The node and its data dir, or why it did not start: a failed start is not retried by every later class. */
    private record Started(ElasticsearchTestNode running, Path data, RuntimeException failure)
            implements AutoCloseable {

        static Started start() {
            Path data = null;
            try {
                data = Files.createTempDirectory("eldercare-it-shared-es");
                return new Started(ElasticsearchTestNode.started(data), data, null);
            } catch (Exception e) {
                return new Started(
                        null, data, new IllegalStateException("the shared Elasticsearch node did not start", e));
            }
        }

        ElasticsearchTestNode node() {
            if (failure != null) {
                throw failure;
            }
            return running;
        }

        @Override
        public void close() throws Exception {
            try {
                if (running != null) {
                    running.close();
                }
            } finally {
                delete(data);
            }
        }

        private static void delete(Path dir) throws IOException {
            if (dir == null || !Files.exists(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
