package org.eldercare.tools.evaluation;

import java.util.List;

/** Persons, their noisy records in time order, and noisy match queries. */
record EvaluationSet(List<TruePerson> persons, List<LabelledRecord> records, List<LabelledQuery> queries) {}
