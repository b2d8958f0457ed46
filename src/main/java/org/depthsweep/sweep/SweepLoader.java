package org.depthsweep.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;

/**
 * Reads a HOCON sweep file, applies {@code --set} overrides, checks every key and value, and expands the cells.
 *
 * <p>Top-level keys are {@code name}, {@code experiment}, {@code seed} (the sweep seed), {@code description},
 * {@code grid}, {@code zip}, {@code fit}, {@code run} and the experiment's parameters. A parameter written at top level
 * or in {@code grid} is fixed when given one value and an axis when given a list or range. The cell parameter
 * {@code seed} is set through {@code grid.seed} or a zip group, because top-level {@code seed} is the sweep seed.
 *
 * <p>Substitutions ({@code ${x}}) are resolved within the file only: environment variables and system properties are
 * not read, so the file and the overrides alone decide the cells. Every problem raises {@link SweepSpecException}
 * before any cell runs.
 */
public final class SweepLoader {
    /** Top-level keys that are not parameters, in the order messages list them. */
    static final List<String> RESERVED_KEYS = List.of("name", "experiment", "seed", "description", "grid", "zip",
            "fit", "run");

    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ConfigRenderOptions RENDER_OPTIONS = ConfigRenderOptions.defaults()
            .setJson(false).setComments(false).setOriginComments(false).setFormatted(true);

    private SweepLoader() {
    }

    /**
     * Loads a sweep file. Includes are resolved relative to the file, and messages name the file as given.
     *
     * @param sets {@code KEY=VALUE} overrides, applied in order
     * @throws SweepSpecException when the file is missing, unreadable or invalid, or an override is
     */
    public static SweepSpec load(Path file, List<String> sets) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sets, "sets");
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new SweepSpecException(source + ": sweep file not found. Fix: check the path, which is resolved "
                    + "against the working directory " + Path.of("").toAbsolutePath() + ".");
        }
        ConfigObject root;
        try {
            ConfigParseOptions options = ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF).setAllowMissing(false);
            root = resolve(ConfigFactory.parseFile(file.toFile(), options), source);
        } catch (ConfigException e) {
            throw hoconError(source, e);
        }
        return build(root, source, sets, ExperimentRegistry.all());
    }

    /**
     * Parses a sweep from text.
     *
     * @param sourceName names the text in messages and in {@link SweepSpec#source()}, for example a file name
     * @param sets       {@code KEY=VALUE} overrides, applied in order
     * @throws SweepSpecException when the text or an override is invalid
     */
    public static SweepSpec parse(String hoconText, String sourceName, List<String> sets) {
        return parse(hoconText, sourceName, sets, ExperimentRegistry.all());
    }

    /** Parses a sweep from text, looking up experiments in {@code kinds} in place of the registry. */
    static SweepSpec parse(String hoconText, String sourceName, List<String> sets, Map<String, Experiment> kinds) {
        Objects.requireNonNull(hoconText, "hoconText");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sets, "sets");
        ConfigObject root;
        try {
            ConfigParseOptions options = ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF).setOriginDescription(sourceName);
            root = resolve(ConfigFactory.parseString(hoconText, options), sourceName);
        } catch (ConfigException e) {
            throw hoconError(sourceName, e);
        }
        return build(root, sourceName, sets, kinds);
    }

    /**
     * Resolves the substitutions of a parsed file within the file.
     *
     * @throws SweepSpecException for an optional substitution such as {@code ${?NOPE}} that resolves to nothing,
     *                            because HOCON would then drop its key or list element without a message
     */
    private static ConfigObject resolve(Config parsed, String source) {
        Set<String> unresolvedOptional = new LinkedHashSet<>();
        // Typesafe Config 1.4 calls the fallback resolver for every substitution that the file does not define. A
        // required one then fails with UnresolvedSubstitution, so what is left are the optional ones.
        ConfigResolver recorder = new ConfigResolver() {
            @Override
            public ConfigValue lookup(String path) {
                unresolvedOptional.add(path);
                return null;
            }

            @Override
            public ConfigResolver withFallback(ConfigResolver fallback) {
                return this;
            }
        };
        ConfigObject root = parsed.resolve(ConfigResolveOptions.noSystem().appendResolver(recorder)).root();
        if (!unresolvedOptional.isEmpty()) {
            String path = unresolvedOptional.iterator().next();
            throw new SweepSpecException(source + ": the optional substitution ${?" + path + "} resolves to "
                    + "nothing, because " + path + " is not defined in the file and environment variables and system "
                    + "properties are not read. HOCON would drop the key or list element that uses it, so a "
                    + "parameter would take its default without a message. Fix: write the value itself, define "
                    + path + " in the sweep file, or give the value with --set KEY=VALUE.");
        }
        return root;
    }

    private static SweepSpec build(ConfigObject fileRoot, String source, List<String> sets,
                                   Map<String, Experiment> kinds) {
        SpecErrors errors = new SpecErrors(source, sets);
        ConfigObject root = SetOverrides.apply(fileRoot, List.copyOf(sets), kinds);
        String resolvedText = root.render(RENDER_OPTIONS);

        String name = readName(root, errors);
        Experiment experiment = readExperiment(root, kinds, errors);
        long seed = readSeed(root, errors);
        String description = readDescription(root, errors);
        FitSettings fit = SettingsReader.fit(root.get("fit"), errors);
        RunSettings run = SettingsReader.run(root.get("run"), errors);

        List<Dimension> dimensions = GridReader.read(root, experiment, RESERVED_KEYS, errors);
        List<Cell> cells = CellExpander.expand(experiment, seed, dimensions, errors);
        return new SweepSpec(name, experiment.name(), seed, description, source, cells, resolvedText, fit, run);
    }

    private static String readName(ConfigObject root, SpecErrors errors) {
        ConfigValue value = root.get("name");
        if (value == null) {
            throw errors.missing("name", "every sweep needs a name, which becomes the name of its output folder",
                    "add a line such as name = toy-lp");
        }
        String rule = "name must match [A-Za-z0-9][A-Za-z0-9._-]*, have at most " + MAX_NAME_LENGTH
                + " characters and not contain \"..\", because it becomes a folder name";
        String fix = "use letters, digits, '.', '_' and '-', for example name = toy-lp";
        if (value.valueType() != ConfigValueType.STRING) {
            throw errors.invalid(value, "name", rule, fix);
        }
        String name = (String) value.unwrapped();
        boolean valid = NAME_PATTERN.matcher(name).matches() && name.length() <= MAX_NAME_LENGTH
                && !name.contains("..");
        if (!valid) {
            throw errors.invalid(value, "name", rule, fix);
        }
        return name;
    }

    private static Experiment readExperiment(ConfigObject root, Map<String, Experiment> kinds, SpecErrors errors) {
        String known = String.join(", ", kinds.keySet());
        ConfigValue value = root.get("experiment");
        if (value == null) {
            throw errors.missing("experiment", "every sweep names the kind of experiment its cells run",
                    "add a line such as experiment = toy. Known experiments: " + known);
        }
        Experiment experiment = value.valueType() == ConfigValueType.STRING
                ? kinds.get((String) value.unwrapped()) : null;
        if (experiment == null) {
            String fix = "use one of the known experiments: " + known;
            if (value.valueType() == ConfigValueType.STRING) {
                fix = Suggestions.closest((String) value.unwrapped(), kinds.keySet())
                        .map(closest -> "use " + closest + " (the closest known experiment). Known experiments: "
                                + known)
                        .orElse(fix);
            }
            throw errors.invalid(value, "experiment", "unknown experiment", fix);
        }
        return experiment;
    }

    private static long readSeed(ConfigObject root, SpecErrors errors) {
        ConfigValue value = root.get("seed");
        if (value == null) {
            return 0L;
        }
        Long seed = ParamValues.integral(value);
        if (seed != null) {
            return seed;
        }
        if (value.valueType() == ConfigValueType.LIST || value.valueType() == ConfigValueType.OBJECT) {
            throw errors.invalid(value, "seed", "top-level seed is the sweep seed and takes one integer",
                    "to sweep the cell parameter seed, write grid.seed = [1, 2, 3]");
        }
        throw errors.invalid(value, "seed", "the sweep seed must be an integer in the 64-bit long range",
                "write a whole number such as seed = 20180101");
    }

    private static String readDescription(ConfigObject root, SpecErrors errors) {
        ConfigValue value = root.get("description");
        if (value == null) {
            return null;
        }
        if (value.valueType() != ConfigValueType.STRING) {
            throw errors.invalid(value, "description", "description must be a string",
                    "write it in double quotes");
        }
        return (String) value.unwrapped();
    }

    /** Wraps a Typesafe Config parse, include or substitution error with the file, line and a fix. */
    private static SweepSpecException hoconError(String source, ConfigException e) {
        ConfigOrigin origin = e.origin();
        String where = source;
        String detail = e.getMessage();
        if (origin != null) {
            String file = origin.filename() != null ? origin.filename() : source;
            where = origin.lineNumber() > 0 ? file + ": line " + origin.lineNumber() : file;
            if (detail.startsWith(origin.description() + ": ")) {
                detail = detail.substring(origin.description().length() + 2);
            }
        }
        // UnresolvedSubstitution is a subclass of Parse, so it is tested first.
        if (e instanceof ConfigException.UnresolvedSubstitution) {
            return new SweepSpecException(where + ": unresolved substitution: " + detail + ". Fix: define the "
                    + "referenced key in the sweep file, because environment variables and system properties are "
                    + "not read.");
        }
        if (e instanceof ConfigException.Parse) {
            return new SweepSpecException(where + ": invalid HOCON syntax: " + detail + ". Fix: correct the syntax "
                    + "at that line, and write strings that contain special characters such as ':', '#' or '$' in "
                    + "double quotes.");
        }
        if (e instanceof ConfigException.IO) {
            return new SweepSpecException(where + ": cannot read the sweep file: " + detail + ". Fix: check that "
                    + "the file and its includes exist and are readable.");
        }
        return new SweepSpecException(where + ": invalid sweep file: " + detail + ". Fix: correct the HOCON at that "
                + "line.");
    }
}
