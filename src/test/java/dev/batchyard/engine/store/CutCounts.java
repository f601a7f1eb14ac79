package dev.batchyard.engine.store;

/** What one power cut did with the unsynced state: pages of file data and name changes kept, lost or torn. */
public final class CutCounts {
    int pagesKept;
    int pagesLost;
    int pagesTorn;
    int namesKept;
    int namesLost;

    public int pagesLost() {
        return pagesLost;
    }

    public int pagesTorn() {
        return pagesTorn;
    }

    public int namesLost() {
        return namesLost;
    }

    /** Whether the cut threw anything away. */
    public boolean lostAnything() {
        return pagesLost + pagesTorn + namesLost > 0;
    }

    @Override
    public String toString() {
        return "pages kept " + pagesKept + ", lost " + pagesLost + ", torn " + pagesTorn + "; names kept " + namesKept
                + ", lost " + namesLost;
    }
}
