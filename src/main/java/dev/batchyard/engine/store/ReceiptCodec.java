package dev.batchyard.engine.store;

import dev.batchyard.model.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoding of an attempt's {@link DeliveryReceipt}, written after the attempt's error when
 * bit 7 of its outcome byte is set ({@link RecordCodec}):
 *
 * <pre>
 * receipt:   count varint (1..64) × placement
 * placement: target str | part+1 varint | first i64 | last i64 | count varint
 * </pre>
 * A receipt with no placements is never written (the flag stays clear), so a store whose sinks
 * give no receipts is byte for byte what it was before receipts existed. Malformed input raises
 * {@link MalformedRecordException}. Stateless.
 */
final class ReceiptCodec {
    /** The outcome byte's flag: a receipt follows the error. */
    static final int FLAG = 0x80;

    private ReceiptCodec() {
    }

    static void write(BinaryWriter out, DeliveryReceipt receipt) {
        out.varint(receipt.placements().size());
        for (DeliveryReceipt.Placement p : receipt.placements()) {
            out.string(p.target()).varint(p.part() + 1).i64(p.first()).i64(p.last()).varint(p.count());
        }
    }

    static DeliveryReceipt read(BinaryReader in) {
        int count = in.varint();
        if (count == 0 || count > DeliveryReceipt.MAX_PLACEMENTS) {
            throw new MalformedRecordException("receipt of " + count + " placements, 1 to "
                    + DeliveryReceipt.MAX_PLACEMENTS + " are written");
        }
        List<DeliveryReceipt.Placement> placements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String target = in.string();
            int part = in.varint() - 1;
            long first = in.i64();
            long last = in.i64();
            int entries = in.varint();
            try {
                placements.add(new DeliveryReceipt.Placement(target, part, first, last, entries));
            } catch (IllegalArgumentException e) {
                throw new MalformedRecordException("receipt placement " + i + ": " + e.getMessage());
            }
        }
        return new DeliveryReceipt(placements);
    }
}
