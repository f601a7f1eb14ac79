package dev.batchyard.engine.store;

/**
 * Why a batch left the store: the only ways it may. {@code SPLIT} and {@code MERGED}: its entries
 * live on in the batches an operator split it into or merged it into (a {@link StoreRecord.Commit}).
 * {@code EDITED}: an operator edited it; the edited version took its id and the version before is
 * kept, discarded and restorable, under another (a {@link StoreRecord.Commit} too).
 */
public enum RemovalCause { DELIVERED, DISCARDED, EXPIRED, POLICY, SPLIT, MERGED, EDITED }
