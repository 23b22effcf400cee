package io.github.wikiart.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves: loss per epoch on the left, accuracy and macro-F1 per epoch (y in [0, 1]) on the
 * right, under one title. Series whose values are all unknown (NaN) are left out; the legend gives
 * the last value of each series and the best value of accuracy and F1.
 */
public final class TrainingCurvesPlot {
    /** Width of the whole image in pixels. */
    static final int WIDTH = 1400;
    /** Height of the whole image in pixels. */
    static final int HEIGHT = 560;
    private static final int TITLE_HEIGHT = 46;
    /** Above this many epochs markers would crowd the lines. */
    private static final int MAX_EPOCHS_WITH_MARKERS = 40;

    private TrainingCurvesPlot() {
    }

    /**
     * Writes the training curves as one PNG of {@value #WIDTH} x {@value #HEIGHT} pixels.
     *
     * @param epochs one entry per epoch, in any order; at least one; epoch numbers distinct
     * @param title the title above both panels, e.g. the run name
     * @param png the target file, written atomically
     * @throws IllegalArgumentException if {@code epochs} is empty or repeats an epoch number
     * @throws IOException if the file cannot be written
     */
    public static void write(List<EpochMetrics> epochs, String title, Path png) throws IOException {
        PngFiles.write(render(epochs, title), png);
    }

    /**
     * Renders the training curves.
     *
     * @param epochs as for {@link #write}
     * @param title as for {@link #write}
     * @return the image
     */
    static BufferedImage render(List<EpochMetrics> epochs, String title) {
        List<EpochMetrics> sorted = checked(epochs);
        Objects.requireNonNull(title, "title");
        int panelWidth = WIDTH / 2;
        int panelHeight = HEIGHT - TITLE_HEIGHT;
        XYChart loss = panel("Loss", "loss", sorted, panelWidth, panelHeight);
        addSeries(loss, sorted, "train loss", EpochMetrics::trainLoss, Palette.categorical(0), false);
        addSeries(loss, sorted, "test loss", EpochMetrics::testLoss, Palette.categorical(1), false);
        padFlatLoss(loss, sorted);
        // Loss usually falls, so the top right is free; accuracy usually rises, so the bottom right is.
        loss.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        XYChart accuracy = panel("Accuracy and macro-F1", "score", sorted, panelWidth, panelHeight);
        accuracy.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        addSeries(accuracy, sorted, "train accuracy", EpochMetrics::trainAccuracy, Palette.categorical(0), true);
        addSeries(accuracy, sorted, "test accuracy", EpochMetrics::testAccuracy, Palette.categorical(1), true);
        addSeries(accuracy, sorted, "test macro-F1", EpochMetrics::macroF1, Palette.categorical(2), true);
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(ChartStyle.FAMILY, Font.BOLD, 20));
            g.setColor(new Color(0x202020));
            FontMetrics fm = g.getFontMetrics();
            String shown = Text.ellipsize(title, fm, WIDTH - 40);
            g.drawString(shown, (WIDTH - fm.stringWidth(shown)) / 2, (TITLE_HEIGHT + fm.getAscent()) / 2);
            drawPanel(g, loss, 0, TITLE_HEIGHT, panelWidth, panelHeight);
            drawPanel(g, accuracy, panelWidth, TITLE_HEIGHT, panelWidth, panelHeight);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static List<EpochMetrics> checked(List<EpochMetrics> epochs) {
        Objects.requireNonNull(epochs, "epochs");
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        List<EpochMetrics> sorted = new ArrayList<>(epochs);
        sorted.forEach(e -> Objects.requireNonNull(e, "null entry in epochs"));
        sorted.sort((a, b) -> Integer.compare(a.epoch(), b.epoch()));
        Set<Integer> seen = new HashSet<>();
        for (EpochMetrics e : sorted) {
            if (!seen.add(e.epoch())) {
                throw new IllegalArgumentException("epoch " + e.epoch() + " appears more than once");
            }
        }
        return sorted;
    }

    private static XYChart panel(String title, String yLabel, List<EpochMetrics> sorted, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("epoch").yAxisTitle(yLabel).build();
        ChartStyle.apply(chart.getStyler());
        int first = sorted.get(0).epoch();
        int last = sorted.get(sorted.size() - 1).epoch();
        // A single epoch would give an empty x range; pad it so the point sits in the middle.
        double pad = first == last ? 1 : 0;
        chart.getStyler().setXAxisMin(first - pad).setXAxisMax(last + pad);
        // Epochs are whole numbers; hide fractional ticks. (Blanking whole-number ticks too makes
        // XChart drop ticks until none is left, so the padding around a single epoch stays labelled.)
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                x -> Math.abs(x - Math.rint(x)) < 1e-9 ? String.valueOf(Math.round(x)) : "");
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(sorted.size() <= MAX_EPOCHS_WITH_MARKERS ? 7 : 0);
        return chart;
    }

    /** A loss that never changes (e.g. one epoch) would give an empty y range; show it from 0 instead. */
    private static void padFlatLoss(XYChart chart, List<EpochMetrics> sorted) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (EpochMetrics e : sorted) {
            for (double v : new double[] {e.trainLoss(), e.testLoss()}) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == max) {
            chart.getStyler().setYAxisMin(Math.min(0, 2 * min)).setYAxisMax(Math.max(0, 2 * max) + (max == 0 ? 1 : 0));
        }
    }

    private static void addSeries(XYChart chart, List<EpochMetrics> sorted, String name,
            ToDoubleFunction<EpochMetrics> value, Color color, boolean higherIsBetter) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (EpochMetrics e : sorted) {
            double y = value.applyAsDouble(e);
            if (Double.isFinite(y)) {
                xs.add((double) e.epoch());
                ys.add(y);
                best = higherIsBetter ? Math.max(best, y) : Math.min(best, y);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        String label = String.format(Locale.ROOT, higherIsBetter ? "%s (last %.3f, best %.3f)" : "%s (last %.3f)",
                name, ys.get(ys.size() - 1), best);
        XYSeries series = chart.addSeries(label, xs, ys);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private static void drawPanel(Graphics2D g, XYChart chart, int x, int y, int width, int height) {
        if (chart.getSeriesMap().isEmpty()) {
            g.setColor(new Color(0x707070));
            g.setFont(ChartStyle.AXIS_TITLE);
            String msg = chart.getTitle() + ": no values recorded";
            g.drawString(msg, x + (width - g.getFontMetrics().stringWidth(msg)) / 2, y + height / 2);
            return;
        }
        g.drawImage(BitmapEncoder.getBufferedImage(chart), x, y, null);
    }
}
