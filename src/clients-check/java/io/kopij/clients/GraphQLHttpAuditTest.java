package io.kopij.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * graphql-http's {@code auditServer}, the GraphQL-over-HTTP reference suite, against a test instance: every audit
 * passes, MUST, SHOULD and MAY alike. Needs Node.js and npm (the npm registry): without them the audit is skipped with a message.
 */
@QuarkusTest
class GraphQLHttpAuditTest {

    private static final Logger LOG = Logger.getLogger(GraphQLHttpAuditTest.class);
    private static final Path SOURCES = Path.of("src", "clients-check", "graphql-http");
    private static final Path WORK = Path.of("target", "graphql-http-audit");

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void graphqlOverHttpAudit() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js/npm not found: GraphQL-over-HTTP audit skipped");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "audit.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules").resolve("graphql-http"))) {
            assertEquals(0, run("npm", "install", "--no-audit", "--no-fund", "--silent").exit(), "npm install failed");
        }
        Run audit = run("node", "audit.mjs", graphql.toString());
        assertEquals(0, audit.exit(), audit.output());

        ObjectMapper json = new ObjectMapper();
        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (String line : audit.output().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode result = json.readTree(line);
            String name = result.get("name").asText();
            if (result.get("status").asText().equals("ok")) {
                passed++;
            } else {
                failed.add(result.get("status").asText() + ": " + name + " (" + result.get("reason").asText() + ")");
            }
        }
        LOG.infof("GraphQL-over-HTTP audit (graphql-http 1.23.1): %d passed, %d failed", passed, failed.size());
        assertEquals(List.of(), failed);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && path.lines().flatMap(p -> List.of(p.split(java.io.File.pathSeparator)).stream())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
