package org.depthsweep.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.store.SweepStore;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the report of a sweep directory to {@code SWEEP_DIR/report/}: {@code index.html}, {@code report.md} and
 * every figure as {@code figures/NAME.png} and {@code figures/NAME.svg}, all computed from the Parquet tables.
 *
 * <p>The report is built in the sweep's staging folder and renamed into place, so readers see the old report or
 * the new one and never a half-written folder. Callers hold the sweep lock, because staging belongs to the lock
 * holder. Which figures appear depends on the curve columns: {@link ConvergenceFigures} for an {@code error}
 * column and {@link MnistFigures} for {@code loss}, {@code ce} and {@code reg}.
 */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** Folder of the report inside the sweep directory. */
    public static final String REPORT_DIR = "report";
    /** Folder of the figure files inside the report folder. */
    public static final String FIGURES_DIR = "figures";
    public static final String INDEX_HTML = "index.html";
    public static final String REPORT_MD = "report.md";

    private final SparkSession spark;

    public ReportJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Contents of a written report.
     *
     * @param dir         the report folder
     * @param figureNames file names of the figures without extension, in report order
     * @param tableTitles titles of the tables, in report order
     * @param fitted      whether the sweep had summary tables; without them the report has no slope or acceleration
     *                    table
     */
    public record Result(Path dir, List<String> figureNames, List<String> tableTitles, boolean fitted) {
    }

    /** Reads the sweep's tables and replaces its report folder, covering every cell in the folder. */
    public Result write(SweepStore store, Experiment experiment, String sweepName, String description)
            throws IOException {
        return write(store, experiment, sweepName, description, null);
    }

    /**
     * Reads the sweep's tables and replaces its report folder. Cells outside cellIds, such as rows an earlier run
     * wrote with other settings, are left out of the run counts and figures, as {@code FitJob} leaves them out of
     * the summary tables.
     *
     * @param store       the sweep directory
     * @param experiment  the sweep's experiment kind, which fixes the table schemas
     * @param sweepName   the report title
     * @param description the sweep file's description, or null
     * @param cellIds     ids of the current sweep file's cells, or null for every committed cell
     * @throws IOException if a table cannot be read or a file cannot be written
     */
    public Result write(SweepStore store, Experiment experiment, String sweepName, String description,
                        Set<String> cellIds) throws IOException {
        ReportData data = ReportData.load(spark, store, experiment, cellIds);
        List<TextTable> tables = new ReportTables(data).tables();
        List<FigureSection> sections = new ArrayList<>();
        if (ConvergenceFigures.applies(data)) {
            sections.addAll(new ConvergenceFigures(data).sections());
        }
        if (MnistFigures.applies(data)) {
            sections.addAll(new MnistFigures(data).sections());
        }
        ReportDocuments documents = new ReportDocuments(sweepName, experiment.name(), description, tables, sections);

        FileSystem fs = store.fileSystem();
        String token = Long.toHexString(System.nanoTime());
        Path staging = new Path(new Path(store.dir(), SweepStore.STAGING), REPORT_DIR + "-" + token);
        Path figures = new Path(staging, FIGURES_DIR);
        fs.mkdirs(figures);
        List<String> figureNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FigureSection section : sections) {
            for (Figure figure : section.figures()) {
                if (!seen.add(figure.name())) {
                    throw new IllegalStateException("two figures are named '" + figure.name() + "'");
                }
                Charts.labelShortLogAxes(figure.chart());
                try (OutputStream out = fs.create(new Path(figures, figure.name() + ".png"), true)) {
                    BitmapEncoder.saveBitmap(figure.chart(), out, BitmapEncoder.BitmapFormat.PNG);
                }
                try (OutputStream out = fs.create(new Path(figures, figure.name() + ".svg"), true)) {
                    VectorGraphicsEncoder.saveVectorGraphic(figure.chart(), out,
                            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                }
                figureNames.add(figure.name());
            }
        }
        writeText(fs, new Path(staging, REPORT_MD), documents.markdown());
        writeText(fs, new Path(staging, INDEX_HTML), documents.html());

        Path target = new Path(store.dir(), REPORT_DIR);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            throw new IOException("could not rename " + staging + " to " + target);
        }
        boolean fitted = data.fitsSummary() != null;
        LOG.info("wrote report of {}: {} figures, {} tables{}", store.dir(), figureNames.size(), tables.size(),
                fitted ? "" : "; no fits_summary table yet, so no slope or acceleration table");
        return new Result(target, figureNames, tables.stream().map(TextTable::title).toList(), fitted);
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
