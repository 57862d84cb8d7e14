package io.wakestream.systemtests;

/** Reads samples out of the Prometheus text exposition format (what /actuator/prometheus answers). */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample of {@code metric} over all its label sets, 0 when there is none.
     *
     * @param exposition the scraped text
     * @param metric     the sample name, e.g. {@code wakestream_wakeword_detections_total}
     */
    static double sum(String exposition, String metric) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                total += Double.parseDouble(value);
            }
        }
        return total;
    }
}
