package org.eldercare.search.resolve;

import java.util.ArrayList;
import java.util.List;

/** Every merge in the order it happened; a consumer replays it to repoint indexed records to the kept id. */
public final class MergeLog {

    private final List<Merge> merges = new ArrayList<>();

    public void record(Merge merge) {
        merges.add(merge);
    }

    public List<Merge> merges() {
        return List.copyOf(merges);
    }

    public int size() {
        return merges.size();
    }
}
