package org.depthsweep.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.apache.spark.sql.internal.SQLConf;

import scala.collection.JavaConverters;

/**
 * Checks that a Spark SQL statement only reads, before Spark starts. Spark's own parser decides: a query is read-only
 * when no node of its parsed plan is a command or a write, as the plan of {@code WITH ... INSERT} has one below its
 * CTE node. The leading keyword, with comments removed, rejects other statement kinds with a short message first.
 */
final class ReadOnlyQuery {
    /** Leading keywords of statements that only read: queries, and SHOW, DESCRIBE and EXPLAIN, which never write. */
    private static final Set<String> READ_ONLY_STATEMENTS = Set.of("select", "with", "show", "describe", "desc",
            "explain", "values", "table", "from");

    /** Leading keywords of queries, whose parsed plan is checked for writes. */
    private static final Set<String> QUERY_STATEMENTS = Set.of("select", "with", "values", "table", "from");

    /** Keywords of writing statements, to name the one a rejected query contains. */
    private static final Pattern WRITING_KEYWORD = Pattern.compile("(?i)\\b(insert|overwrite|create|drop|alter"
            + "|truncate|delete|update|merge|load|cache|uncache|refresh|msck|set|reset|add)\\b");

    private static final Pattern INSERT_KEYWORD = Pattern.compile("(?i)\\b(insert)\\b");

    private ReadOnlyQuery() {
    }

    /**
     * Checks a statement, using Spark's parser with the default SQL configuration.
     *
     * @throws InvalidInputException for an empty statement, one that does not parse, or one that may write
     */
    static void require(String query) {
        String code = withoutCommentsAndLiterals(query).strip().replaceFirst("^\\(+", "").strip();
        if (code.isEmpty()) {
            throw rejected("an empty query");
        }
        String first = code.split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
        if (!READ_ONLY_STATEMENTS.contains(first)) {
            throw rejected("'" + first + "'");
        }
        LogicalPlan plan;
        try {
            // The default configuration keeps the result independent of any session in this JVM. NOTE: Spark 3.5
            // still reads the active session for INSERT OVERWRITE DIRECTORY, which fails for a stopped session.
            plan = SQLConf.withExistingConf(new SQLConf(), () -> new SparkSqlParser().parsePlan(query));
        } catch (Exception e) {
            // Spark throws its checked ParseException undeclared.
            if (e instanceof ParseException) {
                throw new InvalidInputException("invalid query: " + e.getMessage());
            }
            throw e;
        }
        if (!QUERY_STATEMENTS.contains(first)) {
            return;
        }
        String write = firstWrite(plan);
        if (write != null) {
            Matcher keyword = (write.startsWith("Insert") ? INSERT_KEYWORD : WRITING_KEYWORD).matcher(code);
            throw rejected("a query that contains '" + (keyword.find() ? keyword.group(1) : write) + "'");
        }
    }

    /** Returns the class name of the first node of the plan that is a command or a write, or null when none is. */
    private static String firstWrite(LogicalPlan plan) {
        Deque<QueryPlan<?>> pending = new ArrayDeque<>();
        pending.push(plan);
        while (!pending.isEmpty()) {
            QueryPlan<?> node = pending.pop();
            if (node instanceof Command || node instanceof ParsedStatement || node instanceof InsertIntoDir) {
                return node.nodeName();
            }
            JavaConverters.seqAsJavaList(node.children()).forEach(child -> pending.push((QueryPlan<?>) child));
            // The definitions of a WITH clause are inner children of its node.
            JavaConverters.seqAsJavaList(node.innerChildren()).forEach(pending::push);
        }
        return null;
    }

    /**
     * Returns the statement with comments, string literals and quoted identifiers replaced by a space, so that words
     * inside them are not read as keywords. Spark's bracketed comments nest, and its literals use backslash escapes.
     */
    static String withoutCommentsAndLiterals(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                code.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0 && i < sql.length());
                code.append(' ');
            } else if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(sql, i);
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** Returns the index after the closing quote of the literal or identifier that starts at {@code start}. */
    private static int endOfQuoted(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote && quote == '`' && i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static InvalidInputException rejected(String found) {
        return new InvalidInputException("sql runs read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN), got "
                + found + ". To change results, rerun or refit the sweep.");
    }
}
