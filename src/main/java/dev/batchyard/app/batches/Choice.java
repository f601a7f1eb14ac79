package dev.batchyard.app.batches;

/** One entry of a filter combo box: a value ({@code null} meaning "any") and its label. */
record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
