package org.eldercare.streaming.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Writes the entries buffered at a checkpoint, so a restore sends them again. */
public final class BulkEntryStateSerializer extends AsyncSinkWriterStateSerializer<BulkEntry> {

    @Override
    protected void serializeRequestToStream(BulkEntry entry, DataOutputStream out) throws IOException {
        out.writeUTF(entry.index());
        out.writeUTF(entry.id());
        out.writeInt(entry.json().length);
        out.write(entry.json());
    }

    @Override
    protected BulkEntry deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        String index = in.readUTF();
        String id = in.readUTF();
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new BulkEntry(index, id, json);
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
