package dev.batchyard.engine.store;

/** Why a batch left the store: the only four ways it may. */
public enum RemovalCause { DELIVERED, DISCARDED, EXPIRED, POLICY }
