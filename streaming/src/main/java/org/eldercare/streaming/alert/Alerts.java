package org.eldercare.streaming.alert;

import java.util.Map;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.streaming.time.ShanghaiTime;

/** Builds alert documents with the deterministic id {@code type:scope}. */
final class Alerts {

    private Alerts() {}

    /** {@code params} are the alert's facts for a client to write it in its language (docs/CONTRACT.md §8.4). */
    static AlertDocument raised(
            String type,
            String scope,
            String district,
            String message,
            Map<String, String> params,
            long since,
            long now) {
        return new AlertDocument(
                type + ":" + scope,
                type,
                scope,
                district,
                message,
                true,
                ShanghaiTime.at(since),
                ShanghaiTime.at(now),
                params);
    }

    static AlertDocument cleared(
            String type,
            String scope,
            String district,
            String message,
            Map<String, String> params,
            long since,
            long now) {
        return new AlertDocument(
                type + ":" + scope,
                type,
                scope,
                district,
                message,
                false,
                ShanghaiTime.at(since),
                ShanghaiTime.at(now),
                params);
    }
}
