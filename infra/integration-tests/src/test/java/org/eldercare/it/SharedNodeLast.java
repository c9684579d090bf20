package org.eldercare.it;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the classes on the {@link SharedElasticsearch} node after all others, each group by class name: the shared node
 * starts with the first of them and stops at the end of the run, so it never idles beside the nodes of the classes
 * that start their own. The default order in {@code junit-platform.properties}.
 */
public final class SharedNodeLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing((ClassDescriptor c) -> onSharedNode(c.getTestClass()))
                        .thenComparing(c -> c.getTestClass().getName()));
    }

    static boolean onSharedNode(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(e -> List.of(e.value()).contains(SharedElasticsearch.class));
    }
}
