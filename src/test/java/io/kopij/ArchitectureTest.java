package io.kopij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's architecture section, checked on the sources: features do not reach into
 * each other's insides in the wrong direction, shared code knows no feature, and development tooling stays out of
 * the product's request path.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/kopij");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.kopij\\.[\\w.]+);", Pattern.MULTILINE);
    private static final List<String> FEATURES = List.of("article", "author", "tag", "media", "event", "edge", "feed",
            "delivery");
    private static final int LONG_CLASS = 400;

    @Test
    void authorsAndTagsKnowNothingOfArticles() {
        assertEquals(List.of(), importsFrom(List.of("author", "tag"), "io.kopij.article."));
    }

    /** Change propagation observes the content features' CDI events; they never call it (no cycle). */
    @Test
    void contentFeaturesKnowNothingOfChangePropagation() {
        assertEquals(List.of(), importsFrom(List.of("article", "author", "tag", "media"), "io.kopij.event."));
    }

    @Test
    void sharedCodeImportsNoFeature() {
        List<String> violations = new ArrayList<>();
        for (String feature : FEATURES) {
            violations.addAll(importsFrom(List.of("shared"), "io.kopij." + feature + "."));
        }
        violations.addAll(importsFrom(List.of("shared"), "io.kopij.devservices."));
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyDevelopmentToolingUsesDevelopmentTooling() {
        List<String> others = new ArrayList<>(FEATURES);
        others.addAll(List.of("shared", "embeddedpostgres"));
        assertEquals(List.of(), importsFrom(others, "io.kopij.devservices."));
    }

    @Test
    void classesStayShortOrSayWhyTheyAreNot() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() > LONG_CLASS && !String.join("\n", lines).contains("This class is long because")) {
                    tooLong.add(MAIN.relativize(file) + " (" + lines.size() + " lines)");
                }
            }
        }
        assertEquals(List.of(), tooLong);
    }

    /** "file: import" for each import of {@code prefix} in the given top-level packages. */
    private static List<String> importsFrom(List<String> packages, String prefix) {
        List<String> found = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = MAIN.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    while (imports.find()) {
                        if (imports.group(1).startsWith(prefix)) {
                            found.add(MAIN.relativize(file) + ": " + imports.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
