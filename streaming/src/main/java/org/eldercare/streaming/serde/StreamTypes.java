package org.eldercare.streaming.serde;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.VisitDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.incident.DeviceDocument;

/**
 * Type information for the contract types that flow between operators. Their records hold an
 * interface, {@code OffsetDateTime} and lists, which Flink would otherwise hand to Kryo.
 */
public final class StreamTypes {

    public static final TypeInformation<CareEvent> CARE_EVENT =
            new ImmutableTypeInfo<>(CareEvent.class, CareEventSerializer.INSTANCE);
    public static final TypeInformation<Rejection> REJECTION =
            new ImmutableTypeInfo<>(Rejection.class, RejectionSerializer.INSTANCE);
    public static final TypeInformation<IndicatorDocument> INDICATOR =
            new ImmutableTypeInfo<>(IndicatorDocument.class, IndicatorSerializer.INSTANCE);
    public static final TypeInformation<AlertDocument> ALERT =
            new ImmutableTypeInfo<>(AlertDocument.class, AlertSerializer.INSTANCE);
    public static final TypeInformation<FacilityDocument> FACILITY =
            new ImmutableTypeInfo<>(FacilityDocument.class, FacilityDocumentSerializer.INSTANCE);

    public static final TypeInformation<CallDocument> CALL =
            new ImmutableTypeInfo<>(CallDocument.class, CallDocumentSerializer.INSTANCE);
    public static final TypeInformation<VisitDocument> VISIT =
            new ImmutableTypeInfo<>(VisitDocument.class, VisitDocumentSerializer.INSTANCE);
    public static final TypeInformation<DeviceDocument> DEVICE =
            new ImmutableTypeInfo<>(DeviceDocument.class, DeviceDocumentSerializer.INSTANCE);
    public static final TypeInformation<WorkOrderDocument> WORK_ORDER =
            new ImmutableTypeInfo<>(WorkOrderDocument.class, WorkOrderDocumentSerializer.INSTANCE);

    private StreamTypes() {}
}
