package org.depthsweep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileAlreadyExistsException;
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
 * <p>The report is built in the sweep's staging folder. A new report folder is renamed into place as a whole, so
 * readers never see a half-written folder. Into an existing folder the files are moved one by one, index.html last,
 * and files that the report did not write, such as a user's notes, stay. Callers hold the sweep lock, because
 * staging belongs to the lock holder. Which figures appear depends on the curve columns: {@link ConvergenceFigures}
 * for an {@code error} column and {@link MnistFigures} for {@code loss}, {@code ce} and {@code reg}.
 */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** Folder of the report inside the sweep directory. */
    public static final String REPORT_DIR = "report";
    /** Folder of the figure files inside the report folder. */
    public static final String FIGURES_DIR = "figures";
    public static final String INDEX_HTML = "index.html";
    public static final String REPORT_MD = "report.md";
    /** File in the report folder that lists the report's files, one relative path per line. */
    public static final String MANIFEST = ".report-files";
    /** Relative paths of the files that a report writes. */
    private static final Pattern REPORT_FILE = Pattern.compile(
            "index\\.html|report\\.md|figures/[A-Za-z0-9][A-Za-z0-9._-]*\\.(png|svg)");

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
<<<<<<< HEAD
     * Reads the sweep's tables and replaces its report folder. Cells outside cellIds, such as rows an earlier run
     * wrote with other settings, are left out of the run counts and figures, as {@code FitJob} leaves them out of
     * the summary tables.
=======
     * Reads the sweep's tables and writes or updates its report folder.
>>>>>>> bbdc6f1 (Keep files in the report folder that report did not write)
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

        List<String> files = new ArrayList<>();
        for (String name : figureNames) {
            files.add(FIGURES_DIR + "/" + name + ".png");
            files.add(FIGURES_DIR + "/" + name + ".svg");
        }
        files.add(REPORT_MD);
        files.add(INDEX_HTML);
        Path target = new Path(store.dir(), REPORT_DIR);
        publish(fs, staging, target, files);
        boolean fitted = data.fitsSummary() != null;
        LOG.info("wrote report of {}: {} figures, {} tables{}", store.dir(), figureNames.size(), tables.size(),
                fitted ? "" : "; no fits_summary table yet, so no slope or acceleration table");
        return new Result(target, figureNames, tables.stream().map(TextTable::title).toList(), fitted);
    }

    /**
     * Moves the staged report files into the report folder. A missing folder is renamed into place as a whole. In an
     * existing folder, each file of the new report replaces its namesake, index.html last, and the files that the
     * previous report listed in its {@value #MANIFEST} but the new one lacks are deleted. Other files stay.
     *
     * @param files the report's files, relative to the folder, in the order to move them
     * @throws FileAlreadyExistsException when the report folder's path is a regular file
     */
    private static void publish(FileSystem fs, Path staging, Path target, List<String> files) throws IOException {
        String manifest = String.join("\n", files) + "\n";
        if (!fs.exists(target)) {
            writeText(fs, new Path(staging, MANIFEST), manifest);
            if (!fs.rename(staging, target)) {
                throw new IOException("could not rename " + staging + " to " + target);
            }
            return;
        }
        if (!fs.getFileStatus(target).isDirectory()) {
            throw new FileAlreadyExistsException("the report folder " + target + " exists and is not a folder; "
                    + "move or rename the file");
        }
        Set<String> previous = readManifest(fs, new Path(target, MANIFEST));
        fs.mkdirs(new Path(target, FIGURES_DIR));
        for (String file : files) {
            Path to = new Path(target, file);
            if (fs.exists(to)) {
                fs.delete(to, false);
            }
            if (!fs.rename(new Path(staging, file), to)) {
                throw new IOException("could not rename " + new Path(staging, file) + " to " + to);
            }
        }
        previous.removeAll(files);
        for (String stale : previous) {
            fs.delete(new Path(target, stale), false);
        }
        writeText(fs, new Path(target, MANIFEST), manifest);
        fs.delete(staging, true);
    }

    /**
     * Returns the files that a manifest lists, or none when it is missing, as in reports written before manifests.
     * Only names that a report writes are returned, so an edited manifest cannot delete other files.
     */
    private static Set<String> readManifest(FileSystem fs, Path manifest) throws IOException {
        Set<String> files = new HashSet<>();
        if (!fs.exists(manifest)) {
            return files;
        }
        String text;
        try (InputStream in = fs.open(manifest)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (REPORT_FILE.matcher(line).matches()) {
                files.add(line);
            }
        }
        return files;
    }

    private static void writeText(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
