package io.github.wikiart.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** One look for every XChart plot: white background, light grid, fonts large enough to read. */
final class ChartStyle {
    /** Font family present in every JDK, also headless. */
    static final String FAMILY = Font.SANS_SERIF;
    /** Chart title font. */
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 18);
    /** Axis title font. */
    static final Font AXIS_TITLE = new Font(FAMILY, Font.PLAIN, 15);
    /** Tick label, legend and annotation font. */
    static final Font BODY = new Font(FAMILY, Font.PLAIN, 13);

    private ChartStyle() {
    }

    /**
     * Applies the shared look to an axes chart.
     *
     * @param styler the chart's styler
     */
    static void apply(AxesChartStyler styler) {
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0x909090));
        styler.setPlotGridLinesColor(new Color(0xe3e3e3));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleFont(TITLE);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(AXIS_TITLE);
        styler.setAxisTickLabelsFont(BODY);
        styler.setLegendFont(BODY);
        styler.setLegendBorderColor(new Color(0xc0c0c0));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAnnotationTextPanelFont(BODY);
        styler.setAnnotationTextPanelBackgroundColor(new Color(255, 255, 255, 230));
        styler.setAnnotationTextPanelBorderColor(new Color(0x909090));
        styler.setChartPadding(12);
    }
}
