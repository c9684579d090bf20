package org.eldercare.streaming.alert;

import org.eldercare.search.document.AlertDocument;
import org.eldercare.streaming.time.ShanghaiTime;

/** Builds alert documents with the deterministic id {@code type:scope}. */
final class Alerts {

    private Alerts() {}

    static AlertDocument raised(String type, String scope, String district, String message, long since, long now) {
        return new AlertDocument(
                type + ":" + scope, type, scope, district, message, true, ShanghaiTime.at(since), ShanghaiTime.at(now));
    }

    static AlertDocument cleared(String type, String scope, String district, String message, long since, long now) {
        return new AlertDocument(
                type + ":" + scope,
                type,
                scope,
                district,
                message,
                false,
                ShanghaiTime.at(since),
                ShanghaiTime.at(now));
    }
}
