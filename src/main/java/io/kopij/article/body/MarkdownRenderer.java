package io.kopij.article.body;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown in, sanitized HTML and plain text out. Two independent defences keep scripts out of the HTML:
 * CommonMark escapes raw HTML and drops unsafe link schemes, then the OWASP policy allows only the elements and
 * URL schemes an article needs (http, https, mailto; no javascript:, no data:).
 */
@ApplicationScoped
public class MarkdownRenderer {

    /** Words per minute for the reading-time estimate; newsrooms commonly use 200-250. */
    static final int WORDS_PER_MINUTE = 200;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    static final PolicyFactory POLICY = Sanitizers.BLOCKS
            .and(Sanitizers.FORMATTING)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del", "s", "thead", "tbody", "tr", "th", "td")
                    .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+\\-]{1,32}"))
                    .onElements("code")
                    .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
                    .toFactory());

    public RenderedBody render(String markdown) {
        String source = markdown == null ? "" : markdown;
        Node document = PARSER.parse(source);
        dropUnsafeNodes(document);
        String html = POLICY.sanitize(HTML.render(document)).trim();
        String text = TEXT.render(document).trim();
        int words = countWords(text);
        int minutes = words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        return new RenderedBody(source, html, text, words, minutes);
    }

    /**
     * Raw HTML in Markdown is removed, not escaped (escaped, readers would see literal tags), images with unsafe
     * URLs are dropped and links with unsafe URLs become plain text. The OWASP policy then checks the HTML again.
     */
    private static void dropUnsafeNodes(Node document) {
        List<Node> drop = new ArrayList<>();
        List<Node> unwrap = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock htmlBlock) {
                drop.add(htmlBlock);
            }

            @Override
            public void visit(HtmlInline htmlInline) {
                drop.add(htmlInline);
            }

            @Override
            public void visit(Image image) {
                if (!isSafeUrl(image.getDestination())) {
                    drop.add(image);
                }
            }

            @Override
            public void visit(Link link) {
                if (!isSafeUrl(link.getDestination())) {
                    unwrap.add(link); // keep the link text, lose the link
                }
                visitChildren(link);
            }
        });
        for (Node link : unwrap) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
        drop.forEach(Node::unlink);
    }

    /** Absolute http(s) and mailto URLs, and relative ones; no javascript:, data:, vbscript: or other schemes. */
    static boolean isSafeUrl(String url) {
        if (url == null) {
            return false;
        }
        String trimmed = url.trim().toLowerCase(Locale.ROOT);
        int colon = trimmed.indexOf(':');
        int slash = trimmed.indexOf('/');
        boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return !hasScheme || trimmed.startsWith("http:") || trimmed.startsWith("https:") || trimmed.startsWith("mailto:");
    }

    static int countWords(String text) {
        var matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
