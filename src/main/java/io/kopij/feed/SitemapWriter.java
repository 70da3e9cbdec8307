package io.kopij.feed;

import static io.kopij.feed.FeedWriter.element;
import io.kopij.article.query.PublishedMonths;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Sitemaps (sitemaps.org 0.9): the Google News sitemap, monthly sitemaps and the index of them. */
final class SitemapWriter {

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private SitemapWriter() {
    }

    /** Google News: each article's URL with news:publication (name, language), publication date and title. */
    static byte[] news(String publication, List<FeedItem> items) {
        return FeedWriter.xml(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            xml.writeNamespace("news", NEWS);
            for (FeedItem item : items) {
                if (item.url() == null) {
                    continue;
                }
                xml.writeStartElement("url");
                element(xml, "loc", item.url());
                xml.writeStartElement("news", "news", NEWS);
                xml.writeStartElement("news", "publication", NEWS);
                xml.writeStartElement("news", "name", NEWS);
                xml.writeCharacters(publication);
                xml.writeEndElement();
                xml.writeStartElement("news", "language", NEWS);
                xml.writeCharacters(newsLanguage(item.article().language()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("news", "publication_date", NEWS);
                xml.writeCharacters(item.article().publishedAt().toString());
                xml.writeEndElement();
                xml.writeStartElement("news", "title", NEWS);
                xml.writeCharacters(item.article().title());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** One month's articles with their last change. */
    static byte[] month(List<FeedItem> items) {
        return FeedWriter.xml(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "urlset");
            xml.writeDefaultNamespace(SITEMAP);
            for (FeedItem item : items) {
                if (item.url() == null) {
                    continue;
                }
                xml.writeStartElement("url");
                element(xml, "loc", item.url());
                element(xml, "lastmod", item.article().updatedAt().toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** The index: one sitemap per month with published articles, with the month's last change. */
    static byte[] index(List<PublishedMonths.Month> months, Function<PublishedMonths.Month, String> location) {
        return FeedWriter.xml(xml -> {
            xml.setDefaultNamespace(SITEMAP);
            xml.writeStartElement(SITEMAP, "sitemapindex");
            xml.writeDefaultNamespace(SITEMAP);
            for (PublishedMonths.Month month : months) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", location.apply(month));
                element(xml, "lastmod", month.lastModified().toString());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Google News wants ISO 639 codes, with zh-cn and zh-tw as the exceptions. */
    static String newsLanguage(String language) {
        String lower = language.toLowerCase(Locale.ROOT);
        if (lower.startsWith("zh-")) {
            return lower.contains("tw") || lower.contains("hant") ? "zh-tw" : "zh-cn";
        }
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }
}
