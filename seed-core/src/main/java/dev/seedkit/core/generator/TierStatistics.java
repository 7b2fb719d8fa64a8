package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What the generated distribution looks like next to the configured one, computed from the tables' shapes (which
 * is what was written: shapes are pure functions of the seed): each tier's share of its table, and for each
 * fan-out the rows per parent row (by the parent's tier where the count depends on it).
 */
final class TierStatistics {

    private TierStatistics() {
    }

    static List<GenerationReport.TierShare> shares(Collection<TablePlan> plans) {
        List<GenerationReport.TierShare> shares = new ArrayList<>();
        for (TablePlan plan : plans) {
            Tiers tiers = plan.shape().ownTiers();
            if (tiers == null) {
                continue;
            }
            for (int i = 0; i < tiers.names().size(); i++) {
                long rows = tiers.rowsIn(i);
                shares.add(new GenerationReport.TierShare(plan.name().toString(), tiers.names().get(i),
                        tiers.share(i), rows, plan.rows() == 0 ? 0 : (double) rows / plan.rows()));
            }
        }
        return shares;
    }

    static List<GenerationReport.FanOut> fanOuts(Collection<TablePlan> plans) {
        List<GenerationReport.FanOut> fanOuts = new ArrayList<>();
        for (TablePlan plan : plans) {
            TableShape shape = plan.shape();
            if (!shape.isFanOut()) {
                continue;
            }
            List<String> tiers = shape.countByTier() ? shape.parent().tierNames() : List.of("all");
            long[] parents = new long[tiers.size()];
            long[] rows = new long[tiers.size()];
            long[] min = new long[tiers.size()];
            long[] max = new long[tiers.size()];
            Arrays.fill(min, Long.MAX_VALUE);
            for (long p = 0; p < shape.parent().rows(); p++) {
                int tier = shape.countByTier() ? shape.parent().tierOf(p) : 0;
                long count = shape.count(p);
                parents[tier]++;
                rows[tier] += count;
                min[tier] = Math.min(min[tier], count);
                max[tier] = Math.max(max[tier], count);
            }
            for (int i = 0; i < tiers.size(); i++) {
                fanOuts.add(new GenerationReport.FanOut(plan.name().toString(), shape.parent().name().toString(),
                        tiers.get(i), shape.low(i), shape.high(i), parents[i], rows[i],
                        parents[i] == 0 ? 0 : min[i], max[i]));
            }
        }
        return fanOuts;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
