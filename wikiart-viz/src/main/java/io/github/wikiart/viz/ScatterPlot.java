package io.github.wikiart.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot with one colour per group, e.g. a PCA projection coloured by class or by k-means
 * cluster. Groups keep their first-seen order in the legend, which also gives each group's size;
 * optional annotation lines (such as "NMI 0.41") are drawn in a box in the top-left corner.
 */
public final class ScatterPlot {
    /** Width of the image in pixels. */
    static final int WIDTH = 1200;
    /** Height of the image in pixels. */
    static final int HEIGHT = 850;

    private ScatterPlot() {
    }

    /**
     * Writes the scatter plot as a PNG of {@value #WIDTH} x {@value #HEIGHT} pixels.
     *
     * @param points the points; at least one
     * @param title the chart title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param annotations lines of text for a box on the plot; may be empty
     * @param png the target file, written atomically
     * @throws IllegalArgumentException if there are no points
     * @throws IOException if the file cannot be written
     */
    public static void write(List<ScatterPoint> points, String title, String xLabel, String yLabel,
            List<String> annotations, Path png) throws IOException {
        PngFiles.write(render(points, title, xLabel, yLabel, annotations), png);
    }

    /**
     * Splits the points by group.
     *
     * @param points the points
     * @return points per group, groups in first-seen order
     */
    static Map<String, List<ScatterPoint>> byGroup(List<ScatterPoint> points) {
        Map<String, List<ScatterPoint>> groups = new LinkedHashMap<>();
        for (ScatterPoint p : points) {
            Objects.requireNonNull(p, "null point");
            groups.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        return groups;
    }

    /**
     * Puts the annotation box in the top-left corner of the plot, above the data: the y axis is
     * stretched so that the top band holding the box stays free of points.
     * XChart anchors the panel at its lower-left corner, so that goes just above the highest point.
     */
    private static void addAnnotations(XYChart chart, List<ScatterPoint> points, List<String> annotations) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (ScatterPoint p : points) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double xPad = Math.max(maxX - minX, 1e-9) * 0.03;
        double yRange = Math.max(maxY - minY, 1e-9);
        // Share of the plot height taken by the box (about 16 px per line on a ~680 px plot).
        double boxShare = Math.min(0.5, (annotations.size() * 16 + 22) / 680.0);
        double top = maxY + yRange * (boxShare / (1 - boxShare) + 0.03);
        double bottom = minY - yRange * 0.03;
        chart.getStyler().setXAxisMin(minX - xPad).setXAxisMax(maxX + xPad);
        chart.getStyler().setYAxisMin(bottom).setYAxisMax(top);
        chart.addAnnotation(new AnnotationTextPanel(String.join("\n", annotations), minX, maxY + yRange * 0.04, false));
    }

    /**
     * Renders the scatter plot.
     *
     * @param points as for {@link #write}
     * @param title as for {@link #write}
     * @param xLabel as for {@link #write}
     * @param yLabel as for {@link #write}
     * @param annotations as for {@link #write}
     * @return the image
     */
    static BufferedImage render(List<ScatterPoint> points, String title, String xLabel, String yLabel,
            List<String> annotations) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(annotations, "annotations");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to plot: the scatter has no groups");
        }
        Map<String, List<ScatterPoint>> groups = byGroup(points);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(Objects.requireNonNull(title, "title"))
                .xAxisTitle(Objects.requireNonNull(xLabel, "xLabel"))
                .yAxisTitle(Objects.requireNonNull(yLabel, "yLabel")).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setLegendVisible(groups.size() > 1);
        chart.getStyler().setMarkerSize(points.size() > 5000 ? 4 : 7);
        int index = 0;
        for (Map.Entry<String, List<ScatterPoint>> group : groups.entrySet()) {
            List<ScatterPoint> members = group.getValue();
            double[] xs = new double[members.size()];
            double[] ys = new double[members.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = members.get(i).x();
                ys[i] = members.get(i).y();
            }
            XYSeries series = chart.addSeries(group.getKey() + " (" + members.size() + ")", xs, ys);
            Color colour = Palette.categorical(index++);
            // Slight transparency shows where groups overlap.
            series.setMarkerColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 200));
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!annotations.isEmpty()) {
            addAnnotations(chart, points, annotations);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }
}
