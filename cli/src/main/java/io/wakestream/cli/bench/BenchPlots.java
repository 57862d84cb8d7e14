package io.wakestream.cli.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG plots of a model's run, drawn without a display: audio-to-detection latency over time, consumer lag over
 * time (each step a series), and CPU per stream-second by process.
 */
public final class BenchPlots {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    static {
        // no display on a server or in CI; AWT reads this once, before its first use
        System.setProperty("java.awt.headless", "true");
    }

    private BenchPlots() {
    }

    /** Draws the plots into {@code directory}; returns their file names, prefixed with the model's name made safe. */
    public static List<String> draw(Path directory, String model, List<StepResult> steps) throws IOException {
        Files.createDirectories(directory);
        String prefix = model.replaceAll("[^A-Za-z0-9._-]+", "-");
        List<String> files = new ArrayList<>();
        files.add(save(directory, prefix + "-latency.png", latency(model, steps)));
        files.add(save(directory, prefix + "-lag.png", lag(model, steps)));
        files.add(save(directory, prefix + "-cpu.png", cpu(model, steps)));
        files.add(save(directory, prefix + "-memory.png", memory(model, steps)));
        return files;
    }

    private static JFreeChart latency(String model, List<StepResult> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (StepResult step : steps) {
            XYSeries series = new XYSeries(step.streams() + " streams");
            step.detectionLatencySamples().forEach(point -> series.add(point[0], point[1]));
            data.addSeries(series);
        }
        return ChartFactory.createScatterPlot("Audio-to-detection latency, " + model, "chunk produced (s into the step)",
                "latency (ms, detection CreateTime)", data, PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart lag(String model, List<StepResult> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (StepResult step : steps) {
            List<String> services = step.lagSamples().stream().flatMap(point -> point.lag().keySet().stream()).distinct().toList();
            for (String service : services) {
                XYSeries series = new XYSeries(service + ", " + step.streams() + " streams");
                step.lagSamples().stream().filter(point -> point.lag().containsKey(service))
                        .forEach(point -> series.add(point.seconds(), point.lag().get(service)));
                data.addSeries(series);
            }
        }
        return ChartFactory.createXYLineChart("Consumer lag, " + model, "time (s into the step)",
                "lag (records; audio: chunks)", data, PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart cpu(String model, List<StepResult> steps) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (StepResult step : steps) {
            step.processes().forEach((name, use) -> data.addValue(use.cpuSPerStreamS() * 1000, step.streams() + " streams", name));
        }
        return ChartFactory.createBarChart("CPU by process, " + model, "process",
                "CPU ms per stream-second", data, PlotOrientation.VERTICAL, true, false, false);
    }

    private static JFreeChart memory(String model, List<StepResult> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> liveSeries = new ArrayList<>();
        for (StepResult step : steps) {
            addSeries(data, step, "RSS", StepResult.MemoryPoint::rssMib);
            addSeries(data, step, "heap committed", StepResult.MemoryPoint::heapCommittedMib);
            addSeries(data, step, "heap", StepResult.MemoryPoint::heapMib);
            if (step.liveSet() != null) {
                XYSeries live = new XYSeries("live set of this JVM (after a full collection), " + step.streams() + " streams");
                step.liveSet().samples().forEach(point -> live.add(point.seconds(), point.liveBytes() / (1024.0 * 1024)));
                liveSeries.add(data.getSeriesCount());
                data.addSeries(live);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Resident memory, heap committed, in use and live, " + model,
                "time (s into the step)", "MiB", data, PlotOrientation.VERTICAL, true, false, false);
        // the default palette's next colour is a yellow that the grey background swallows
        liveSeries.forEach(index -> chart.getXYPlot().getRenderer().setSeriesPaint(index, Color.BLACK));
        return chart;
    }

    private static void addSeries(XYSeriesCollection data, StepResult step, String what,
                                  Function<StepResult.MemoryPoint, Double> value) {
        Map<String, XYSeries> bySource = new LinkedHashMap<>();
        for (StepResult.MemoryPoint point : step.memorySamples()) {
            Double y = value.apply(point);
            if (y != null) {
                bySource.computeIfAbsent(point.source(), source -> new XYSeries(what + " " + source + ", " + step.streams()
                        + " streams")).add(point.seconds(), y);
            }
        }
        bySource.values().forEach(data::addSeries);
    }

    private static String save(Path directory, String name, JFreeChart chart) throws IOException {
        ChartUtils.saveChartAsPNG(directory.resolve(name).toFile(), chart, WIDTH, HEIGHT);
        return name;
    }
}
