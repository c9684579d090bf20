package org.eldercare.infra.platform.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the classes on the {@link SharedPlatform} after all others, each group by class name: the shared platform
 * starts with the first of them and is closed at the end of the run, so it never idles (checkpointing every second)
 * beside the ITs that start platforms of their own. Set as the default order in {@code junit-platform.properties}.
 */
public final class SharedPlatformLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing((ClassDescriptor c) -> onSharedPlatform(c.getTestClass()))
                        .thenComparing(c -> c.getTestClass().getName()));
    }

    static boolean onSharedPlatform(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(e -> java.util.List.of(e.value()).contains(SharedPlatform.class));
    }
}
