package org.depthsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the report's XChart line charts with one style: white background, fonts legible at the saved size, the
 * legend below the plot so it never covers data, and median lines over translucent min-max bands.
 */
final class Charts {
    /** Saved width of a chart in pixels. */
    static final int WIDTH = 640;
    /** Saved height of a chart in pixels, legend included. */
    static final int HEIGHT = 520;

    /** Tableau 10 colors: distinct for most color-vision deficiencies and in print. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    /** Opacity of the min-max bands, out of 255: light enough that overlapping bands and lines stay visible. */
    private static final int BAND_ALPHA = 50;
    private static final BasicStroke LINE = new BasicStroke(2.0f);
    /** Stroke of every second data line, so a line drawn over an equal one leaves it visible between dashes. */
    private static final BasicStroke SHORT_DASHES = new BasicStroke(2.0f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10.0f, new float[] {5.0f, 4.0f}, 0.0f);
    private static final BasicStroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10.0f, new float[] {8.0f, 6.0f}, 0.0f);
    private static final Color REFERENCE_COLOR = Color.BLACK;
    /** {@link java.text.DecimalFormat} pattern of linear-axis ticks: a leading zero and up to 4 decimals. */
    private static final String LINEAR_TICKS = "0.####";
    /** Decades of data below which a log axis gets labels between powers of ten. */
    private static final double DECADE_TICKS_SPAN = 2;

    private Charts() {
    }

    /** Returns the i-th palette color, repeating after ten. */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Returns the stroke of the i-th data line: solid for even i, short dashes for odd i. */
    static BasicStroke stroke(int i) {
        return i % 2 == 0 ? LINE : SHORT_DASHES;
    }

    /**
     * Returns an empty chart with the report style.
     *
     * @param title  chart title, one line
     * @param xTitle x-axis title with its unit
     * @param yTitle y-axis title with its unit
     * @param logX   whether the x axis is logarithmic
     * @param logY   whether the y axis is logarithmic
     */
    static XYChart chart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setAntiAlias(true);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderColor(Color.GRAY);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(0);
        // XChart's default pattern drops the leading zero (".002"); log axes keep their own power-of-ten labels.
        if (!logX) {
            chart.getStyler().setXAxisDecimalPattern(LINEAR_TICKS);
        }
        if (!logY) {
            chart.getStyler().setYAxisDecimalPattern(LINEAR_TICKS);
        }
        return chart;
    }

    /**
     * Adds a median line and, under it, a min-max band as a filled polygon without a legend entry, in the color and
     * stroke of line index i. On a log axis, points whose x or whose band value is not positive are left out,
     * because they have no position there.
     *
     * @return whether anything was drawn; false when no point is left
     */
    static boolean addBand(XYChart chart, String label, int index, SeriesBand band) {
        Color color = color(index);
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        List<Integer> placeable = new ArrayList<>();
        for (int i = 0; i < band.x().length; i++) {
            boolean placeableX = !logX || band.x()[i] > 0;
            boolean placeableY = !logY || (band.min()[i] > 0 && band.median()[i] > 0);
            if (placeableX && placeableY && Double.isFinite(band.median()[i])) {
                placeable.add(i);
            }
        }
        if (placeable.isEmpty()) {
            return false;
        }
        
        int n = placeable.size();
        double[] x = new double[n];
        double[] median = new double[n];
        double[] polygonX = new double[2 * n];
        double[] polygonY = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int i = placeable.get(k);
            x[k] = band.x()[i];
            median[k] = band.median()[i];
            polygonX[k] = band.x()[i];
            polygonY[k] = band.max()[i];
            polygonX[2 * n - 1 - k] = band.x()[i];
            polygonY[2 * n - 1 - k] = band.min()[i];
        }

        if (band.seeds() > 1) {
            XYSeries area = chart.addSeries(label + " (min-max)", polygonX, polygonY);
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA));
            area.setLineColor(new Color(0, 0, 0, 0));
            area.setMarker(SeriesMarkers.NONE);
            area.setShowInLegend(false);
        }

        XYSeries line = chart.addSeries(label, x, median);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setLineStyle(stroke(index));
        line.setMarker(SeriesMarkers.NONE);
        return true;
    }

    /**
     * Labels the ticks between powers of ten on each log axis whose data span less than {@link #DECADE_TICKS_SPAN}
     * decades, because XChart labels only powers of ten by default and such an axis would show one label or none.
     * Call it after the last series is added.
     */
    static void labelShortLogAxes(XYChart chart) {
        if (chart.getStyler().isXAxisLogarithmic()) {
            chart.getStyler().setXAxisLogarithmicDecadeOnly(decades(chart, true) >= DECADE_TICKS_SPAN);
        }
        if (chart.getStyler().isYAxisLogarithmic()) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(decades(chart, false) >= DECADE_TICKS_SPAN);
        }
    }

    /** Returns log10(max / min) over the positive x or y values of every series, or 0 without any. */
    private static double decades(XYChart chart, boolean xAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double value : xAxis ? series.getXData() : series.getYData()) {
                if (value > 0 && Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return max > 0 ? Math.log10(max / min) : 0;
    }

    /** Adds a dashed black reference line through the given points, with a legend entry. */
    static void addReference(XYChart chart, String label, double[] x, double[] y) {
        XYSeries line = chart.addSeries(label, x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(REFERENCE_COLOR);
        line.setLineStyle(DASHED);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** Adds a line with markers and symmetric error bars in the style of line index i, for points such as one per p. */
    static void addPointsWithErrorBars(XYChart chart, String label, int index, double[] x, double[] y,
                                       double[] errorBars) {
        Color color = color(index);
        XYSeries series = chart.addSeries(label, x, y, errorBars);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(stroke(index));
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
    }
}
