package org.eldercare.streaming.register;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.serde.ImmutableTypeInfo;

/** Type information of the register's documents, which Flink would otherwise hand to Kryo. */
public final class RegisterTypes {

    public static final TypeInformation<PersonDocument> PERSON =
            new ImmutableTypeInfo<>(PersonDocument.class, PersonDocumentSerializer.INSTANCE);

    private RegisterTypes() {}
}
