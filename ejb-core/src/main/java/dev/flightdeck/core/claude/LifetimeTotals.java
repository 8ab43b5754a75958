package dev.flightdeck.core.claude;

/** A turn's usage from two readings of running totals. Pure. */
final class LifetimeTotals {
    private LifetimeTotals() {
    }

    /**
     * What the totals grew by. A counter that went down means the totals started again (a new process
     * after a resume, or a reset the CLI made): the new reading is then the turn's own.
     */
    static double[] delta(double[] before, double[] now) {
        boolean restarted = false;
        for (int i = 0; i < now.length; i++) {
            if (now[i] < before[i]) {
                restarted = true;
                break;
            }
        }
        double[] d = new double[now.length];
        for (int i = 0; i < now.length; i++) {
            d[i] = restarted ? now[i] : now[i] - before[i];
        }
        return d;
    }
}
