package io.kopij.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.article.ArticleView;
import io.kopij.author.AuthorSummary;
import io.kopij.tag.TagSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes feeds: RSS 2.0 (with content:encoded, one dc:creator per author and one category per tag in order, the
 * article id as a non-permalink guid, the image as media:content), Atom 1.0 and JSON Feed 1.1. XML is written by a
 * streaming writer, so every title and body is escaped, whatever it holds.
 */
final class FeedWriter {

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** The channel: title, description, home page, this feed's own URL, the newest change. */
    record Channel(String title, String description, String homePage, String self, String language) {
    }

    private FeedWriter() {
    }

    static byte[] rss(Channel channel, List<FeedItem> items) {
        return xml(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("media", MEDIA);
            xml.writeNamespace("atom", ATOM);
            xml.writeStartElement("channel");
            element(xml, "title", channel.title());
            element(xml, "link", channel.homePage());
            element(xml, "description", channel.description());
            if (channel.language() != null) {
                element(xml, "language", channel.language());
            }
            element(xml, "lastBuildDate", RFC_822.format(lastChange(items)));
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", channel.self());
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (FeedItem item : items) {
                ArticleView article = item.article();
                xml.writeStartElement("item");
                element(xml, "title", article.title());
                if (item.url() != null) {
                    element(xml, "link", item.url());
                }
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters(article.id().toString());
                xml.writeEndElement();
                element(xml, "pubDate", RFC_822.format(article.publishedAt()));
                if (article.lead() != null) {
                    element(xml, "description", article.lead());
                }
                xml.writeStartElement("content", "encoded", CONTENT);
                xml.writeCData(cdataSafe(item.html()));
                xml.writeEndElement();
                for (AuthorSummary author : article.authors()) {
                    xml.writeStartElement("dc", "creator", DC);
                    xml.writeCharacters(author.name());
                    xml.writeEndElement();
                }
                for (TagSummary tag : article.tags()) {
                    element(xml, "category", tag.name());
                }
                if (article.image() != null) {
                    xml.writeStartElement("media", "content", MEDIA);
                    xml.writeAttribute("url", article.image().url());
                    xml.writeAttribute("medium", "image");
                    if (article.image().alt() != null) {
                        xml.writeStartElement("media", "description", MEDIA);
                        xml.writeCharacters(article.image().alt());
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    static byte[] atom(Channel channel, List<FeedItem> items) {
        return xml(xml -> {
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            if (channel.language() != null) {
                xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", channel.language());
            }
            element(xml, "id", channel.self());
            element(xml, "title", channel.title());
            element(xml, "subtitle", channel.description());
            element(xml, "updated", lastChange(items).toString());
            link(xml, "self", channel.self(), "application/atom+xml");
            link(xml, "alternate", channel.homePage(), "text/html");
            // A feed-level author makes every entry valid, also one without authors (RFC 4287 4.1.1).
            xml.writeStartElement("author");
            element(xml, "name", channel.title());
            xml.writeEndElement();
            for (FeedItem item : items) {
                ArticleView article = item.article();
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + article.id());
                element(xml, "title", article.title());
                element(xml, "published", article.publishedAt().toString());
                element(xml, "updated", article.updatedAt().toString());
                if (item.url() != null) {
                    link(xml, "alternate", item.url(), "text/html");
                }
                for (AuthorSummary author : article.authors()) {
                    xml.writeStartElement("author");
                    element(xml, "name", author.name());
                    xml.writeEndElement();
                }
                for (TagSummary tag : article.tags()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", tag.slug());
                    xml.writeAttribute("label", tag.name());
                }
                if (article.image() != null) {
                    link(xml, "enclosure", article.image().url(), null);
                }
                if (article.lead() != null) {
                    element(xml, "summary", article.lead());
                }
                xml.writeStartElement("content");
                xml.writeAttribute("type", "html");
                xml.writeCharacters(item.html());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] json(ObjectMapper json, Channel channel, List<FeedItem> items) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", channel.title());
        feed.put("home_page_url", channel.homePage());
        feed.put("feed_url", channel.self());
        feed.put("description", channel.description());
        if (channel.language() != null) {
            feed.put("language", channel.language());
        }
        ArrayNode list = feed.putArray("items");
        for (FeedItem item : items) {
            ArticleView article = item.article();
            ObjectNode entry = list.addObject();
            entry.put("id", article.id().toString());
            if (item.url() != null) {
                entry.put("url", item.url());
            }
            entry.put("title", article.title());
            entry.put("content_html", item.html());
            if (article.lead() != null) {
                entry.put("summary", article.lead());
            }
            if (article.image() != null) {
                entry.put("image", article.image().url());
            }
            entry.put("date_published", article.publishedAt().toString());
            entry.put("date_modified", article.updatedAt().toString());
            ArrayNode authors = entry.putArray("authors");
            article.authors().forEach(author -> authors.addObject().put("name", author.name()));
            ArrayNode tags = entry.putArray("tags");
            article.tags().forEach(tag -> tags.add(tag.name()));
            entry.put("language", article.language());
        }
        try {
            return json.writeValueAsBytes(feed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant lastChange(List<FeedItem> items) {
        return items.stream().map(i -> i.article().updatedAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /** Writes an XML document. */
    static byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }

    /** "]]>" cannot appear inside CDATA: split it across two sections. */
    private static String cdataSafe(String html) {
        return (html == null ? "" : html).replace("]]>", "]]]]><![CDATA[>");
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
