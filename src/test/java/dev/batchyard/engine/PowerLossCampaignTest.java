package dev.batchyard.engine;

import org.junit.jupiter.api.Test;

/**
 * Power cuts, simulated, against the whole engine: chains of rounds, each a multi-threaded workload
 * cut at a random change of the simulated disk ({@link dev.batchyard.engine.store.PowerCutDisk}),
 * losing what was not synced in one of the {@link dev.batchyard.engine.store.LossKind}s, then
 * reopened and checked ({@link PowerLossChain}). {@code verify} runs 300 cuts (about 15 s); the full
 * campaign is {@code ./mvnw verify -Dtest=PowerLossCampaignTest -Dpowerloss.cuts=10000}. Other
 * seeds: {@code -Dpowerloss.seed=N} (chain {@code i} uses seed {@code N + i}); the images of a
 * failing round: {@code -Dpowerloss.keep=DIR}.
 */
class PowerLossCampaignTest {
    private static final int CUTS_PER_CHAIN = 25;

    @Test
    void everyCutKeepsWhatWasAcknowledgedAndReportsOnlyTrueDamage() throws Exception {
        int cuts = Integer.getInteger("powerloss.cuts", 300);
        long seed = Long.getLong("powerloss.seed", 20261202L);
        CampaignTally tally = new CampaignTally();
        long started = System.nanoTime();
        try (EngineLog log = new EngineLog()) {
            for (int chain = 0; cuts > 0; chain++) {
                int rounds = Math.min(CUTS_PER_CHAIN, cuts);
                new PowerLossChain(seed + chain, tally, log).run(rounds);
                cuts -= rounds;
            }
        }
        System.out.printf("power-loss campaign: %s; %.0f s%n", tally, (System.nanoTime() - started) / 1e9);
    }
}
