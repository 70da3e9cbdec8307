package io.kopij.bench;

import io.kopij.article.body.MarkdownRenderer;
import io.kopij.article.body.RenderedBody;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The standard data set, written with JDBC straight into the schema the app's migrations created: all articles
 * published over the last two years, mixed nl/en, ~600-word Markdown bodies with a subheading (a few dozen distinct
 * bodies rendered with the app's own MarkdownRenderer and reused), 1-2 authors, 3-5 tags (popular tags used more),
 * 0-3 related links. Deterministic for a given seed.
 */
final class DataSet {

    /** Distinct bodies per language; rendering all 10,000 would only slow the seeding down. */
    static final int BODIES_PER_LANGUAGE = 24;

    private static final String[] NL_WORDS = ("de het een en van in op met voor dat die niet is zijn was wordt "
            + "worden heeft hebben nieuwe regering gemeente bedrijf model modellen onderzoek onderzoekers jaar jaren "
            + "week mensen burgers kabinet minister Kamer economie markt prijzen energie huizen woningen school "
            + "leerlingen zorg ziekenhuis data software ontwikkelaars taalmodel algoritme veiligheid privacy regels "
            + "Europa Nederland Amsterdam Rotterdam Utrecht provincie water dijken landbouw boeren stikstof trein "
            + "spoor fiets verkeer cultuur museum muziek festival sport voetbal wielrennen verkiezingen partij "
            + "coalitie begroting belasting lonen werk banen bedrijven start-ups investering kosten groei daling "
            + "stijging volgens zegt stelt blijkt uit cijfers analyse rapport experts critici voorstanders "
            + "tegenstanders café scholieren ouders kinderen jongeren ouderen digitale toekomst plannen besluit").split(" ");
    private static final String[] EN_WORDS = ("the a and of in on with for that is are was were has have new "
            + "government council company model models research researchers year years week people citizens cabinet "
            + "minister parliament economy market prices energy houses homes school pupils care hospital data "
            + "software developers language algorithm security privacy rules Europe Netherlands city region water "
            + "farming farmers nitrogen train rail bicycle traffic culture museum music festival sport football "
            + "cycling elections party coalition budget tax wages work jobs companies startups investment costs "
            + "growth decline rise according says argues shows figures analysis report experts critics supporters "
            + "opponents parents children young older digital future plans decision").split(" ");
    private static final String[] TOPICS = ("Klimaat Energie Wonen Zorg Onderwijs Economie Politiek Europa Defensie "
            + "Landbouw Stikstof Verkeer Spoor Luchtvaart Cultuur Muziek Film Boeken Sport Voetbal Wielrennen Schaatsen "
            + "Tennis Wetenschap Ruimtevaart Gezondheid Voeding Technologie AI Privacy Cybersecurity Media Justitie "
            + "Politie Migratie Arbeidsmarkt Pensioenen Belasting Begroting Gemeenten Provincies Water Natuur "
            + "Biodiversiteit Dieren Reizen Mode Design Architectuur Games Smartphones Internet Startups Banken "
            + "Beurs Crypto Vastgoed Retail Industrie Havens Logistiek Auto Fiets Duurzaamheid Afval Chemie Geschiedenis "
            + "Religie Filosofie Taal Jongeren Ouderen Gezin Armoede Ongelijkheid Racisme Emancipatie Lhbti Kunst "
            + "Theater Dans Fotografie Podcasts Televisie Streaming Opinie Verkiezingen Koningshuis Caribisch "
            + "Amerika China Rusland Oekraine Afrika Azie Midden-Oosten Latijns-Amerika Brussel Den-Haag").split(" ");
    private static final String[] REGIONS = {"", "Nederland", "Europa", "Wereld", "Analyse"};
    private static final String[] FIRST = ("Anna Bram Carla Daan Eva Floor Gijs Hanna Ines Joost Karin Lars Maaike "
            + "Niels Olga Pieter Quinten Rosa Sanne Tim Ulla Vera Wouter Xander Yara Zoe Emma Lucas Sophie Noah").split(" ");
    private static final String[] LAST = ("de Vries Jansen Bakker Visser Smit Meijer de Boer Mulder de Groot Bos Vos "
            + "Peters Hendriks van Dijk Dekker Brouwer de Wit Dijkstra Smits de Graaf van der Meer Kok Jacobs").split(" ");

    record Seeded(List<String> slugs, long millis, int articleRows, int authorLinks, int tagLinks, int relatedLinks) {
    }

    private final Random random;
    private final BenchConfig config;

    DataSet(BenchConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    Seeded seed(Connection c) throws SQLException {
        long started = System.nanoTime();
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        List<UUID> authorIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("insert into author (id, slug, name, bio, email, version, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)")) {
            for (int i = 0; i < config.authors(); i++) {
                UUID id = new UUID(0xA0L, i + 1L);
                String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
                String slug = slugify(name) + "-" + (i + 1);
                ps.setObject(1, id);
                ps.setString(2, slug);
                ps.setString(3, name);
                ps.setString(4, name + " schrijft over " + TOPICS[i % TOPICS.length].toLowerCase(Locale.ROOT) + ".");
                ps.setString(5, slug + "@example.org");
                ps.setObject(6, now.minusDays(800));
                ps.setObject(7, now.minusDays(800));
                ps.addBatch();
                authorIds.add(id);
            }
            ps.executeBatch();
        }

        List<UUID> tagIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("insert into tag (id, slug, name, description, version, "
                + "created_at, updated_at) values (?, ?, ?, ?, 0, ?, ?)")) {
            for (int i = 0; i < config.tags(); i++) {
                UUID id = new UUID(0x7AL, i + 1L);
                String topic = TOPICS[i % TOPICS.length];
                String region = REGIONS[(i / TOPICS.length) % REGIONS.length];
                int round = i / (TOPICS.length * REGIONS.length);
                String name = topic.replace('-', ' ') + (region.isEmpty() ? "" : " " + region)
                        + (round == 0 ? "" : " " + (round + 1));
                ps.setObject(1, id);
                ps.setString(2, slugify(name));
                ps.setString(3, name);
                ps.setString(4, "Alles over " + name + ".");
                ps.setObject(5, now.minusDays(800));
                ps.setObject(6, now.minusDays(800));
                ps.addBatch();
                tagIds.add(id);
            }
            ps.executeBatch();
        }

        MarkdownRenderer renderer = new MarkdownRenderer();
        List<RenderedBody> nlBodies = new ArrayList<>();
        List<RenderedBody> enBodies = new ArrayList<>();
        for (int i = 0; i < BODIES_PER_LANGUAGE; i++) {
            nlBodies.add(renderer.render(body(NL_WORDS, "nl", i)));
            enBodies.add(renderer.render(body(EN_WORDS, "en", i)));
        }

        int n = config.articles();
        List<UUID> articleIds = new ArrayList<>(n);
        List<String> slugs = new ArrayList<>(n);
        int authorLinks = 0;
        int tagLinks = 0;
        int relatedLinks = 0;
        try (PreparedStatement art = c.prepareStatement("insert into article (id, slug, title, lead, body_markdown, "
                + "body_html, body_text, language, status, published_at, featured, word_count, reading_time_minutes, "
                + "image_url, image_alt, seo_description, version, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
                PreparedStatement au = c.prepareStatement(
                        "insert into article_author (article_id, author_id, position) values (?, ?, ?)");
                PreparedStatement tg = c.prepareStatement(
                        "insert into article_tag (article_id, tag_id, position) values (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.nameUUIDFromBytes(("kopij-bench-article-" + i).getBytes());
                boolean english = random.nextInt(10) < 3;
                String[] words = english ? EN_WORDS : NL_WORDS;
                String title = title(words, english);
                String slug = (slugify(title.length() > 80 ? title.substring(0, 80) : title) + "-" + (i + 1))
                        .replaceAll("-+", "-");
                RenderedBody body = (english ? enBodies : nlBodies).get(random.nextInt(BODIES_PER_LANGUAGE));
                OffsetDateTime published = now.minusSeconds(60 + (long) (random.nextDouble() * 730 * 86_400));
                art.setObject(1, id);
                art.setString(2, slug);
                art.setString(3, title);
                art.setString(4, sentence(words, 22 + random.nextInt(12)));
                art.setString(5, body.markdown());
                art.setString(6, body.html());
                art.setString(7, body.text());
                art.setString(8, english ? "en" : "nl");
                art.setObject(9, published);
                art.setBoolean(10, random.nextInt(20) == 0);
                art.setInt(11, body.wordCount());
                art.setInt(12, body.readingTimeMinutes());
                art.setString(13, "https://images.example.org/" + slug + ".jpg");
                art.setString(14, "Foto bij " + title);
                art.setString(15, sentence(words, 18));
                art.setObject(16, published.minusHours(2));
                art.setObject(17, published.plusMinutes(random.nextInt(600)));
                art.addBatch();
                articleIds.add(id);
                slugs.add(slug);

                Set<UUID> as = new LinkedHashSet<>();
                int authorCount = 1 + random.nextInt(2);
                while (as.size() < authorCount) {
                    as.add(authorIds.get(random.nextInt(authorIds.size())));
                }
                int pos = 0;
                for (UUID a : as) {
                    au.setObject(1, id);
                    au.setObject(2, a);
                    au.setInt(3, pos++);
                    au.addBatch();
                    authorLinks++;
                }
                Set<UUID> ts = new LinkedHashSet<>();
                int tagCount = 3 + random.nextInt(3);
                while (ts.size() < tagCount) {
                    // Skewed: low-numbered tags are the popular ones.
                    double r = random.nextDouble();
                    ts.add(tagIds.get((int) (tagIds.size() * r * r)));
                }
                pos = 0;
                for (UUID t : ts) {
                    tg.setObject(1, id);
                    tg.setObject(2, t);
                    tg.setInt(3, pos++);
                    tg.addBatch();
                    tagLinks++;
                }
                if (i % 500 == 499) {
                    art.executeBatch();
                    au.executeBatch();
                    tg.executeBatch();
                }
            }
            art.executeBatch();
            au.executeBatch();
            tg.executeBatch();
        }
        try (PreparedStatement rel = c.prepareStatement(
                "insert into article_related (article_id, related_id, position) values (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                int count = random.nextInt(4);
                Set<Integer> targets = new LinkedHashSet<>();
                while (targets.size() < Math.min(count, n - 1)) {
                    int t = random.nextInt(n);
                    if (t != i) {
                        targets.add(t);
                    }
                }
                int pos = 0;
                for (int t : targets) {
                    rel.setObject(1, articleIds.get(i));
                    rel.setObject(2, articleIds.get(t));
                    rel.setInt(3, pos++);
                    rel.addBatch();
                    relatedLinks++;
                }
                if (i % 1000 == 999) {
                    rel.executeBatch();
                }
            }
            rel.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // Sets hint bits and the visibility map as autovacuum eventually would, and gives the planner statistics.
            s.execute("vacuum (analyze)");
        }
        return new Seeded(slugs, (System.nanoTime() - started) / 1_000_000, n, authorLinks, tagLinks, relatedLinks);
    }

    private String title(String[] words, boolean english) {
        String subject = words[20 + random.nextInt(words.length - 20)];
        String other = words[20 + random.nextInt(words.length - 20)];
        String[] nl = {"Waarom kiest de %s voor %s?", "Hoe verandert %s de %s?", "Wat betekent %s voor %s?",
            "Is de %s klaar voor %s?", "Wie betaalt de %s van %s?", "Kan %s de %s redden?"};
        String[] en = {"Why does the %s choose %s?", "How will %s change %s?", "What does %s mean for %s?",
            "Is the %s ready for %s?", "Who pays for %s and %s?", "Can %s save the %s?"};
        String[] templates = english ? en : nl;
        return String.format(templates[random.nextInt(templates.length)], subject, other)
                + " " + sentence(words, 3 + random.nextInt(4)).replace(".", "");
    }

    /** ~600 words: an intro, a subheading, paragraphs with some emphasis, a link and a list. */
    private String body(String[] words, String language, int index) {
        Random r = new Random(config.seed() * 31 + index + (language.equals("en") ? 1000 : 0));
        String searchWord = language.equals("en") ? "climate" : config.searchWord();
        StringBuilder md = new StringBuilder();
        int written = 0;
        int paragraph = 0;
        while (written < 600) {
            if (paragraph == 3) {
                md.append("## ").append(capitalize(sentence(words, r, 5).replace(".", ""))).append("\n\n");
            }
            if (paragraph == 5) {
                md.append("- ").append(sentence(words, r, 8)).append("\n- ").append(sentence(words, r, 9))
                        .append("\n- ").append(sentence(words, r, 7)).append("\n\n");
                written += 24;
            }
            int len = 70 + r.nextInt(50);
            String text = sentence(words, r, len);
            if (paragraph == 1) {
                text = text.replaceFirst(" (\\S+) (\\S+) ", " **$1 $2** ");
                if (index % 3 == 0) {
                    text = text + " " + capitalize(searchWord) + " " + sentence(words, r, 6);
                    written += 7;
                }
            }
            if (paragraph == 2) {
                text = text + " [Lees meer](https://www.example.org/" + language + "/" + index + ").";
            }
            md.append(text).append("\n\n");
            written += len;
            paragraph++;
        }
        return md.toString().trim();
    }

    private String sentence(String[] words, int len) {
        return sentence(words, random, len);
    }

    private static String sentence(String[] words, Random r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(i % 12 == 11 ? ". " : " ");
            }
            String w = words[r.nextInt(words.length)];
            sb.append(i == 0 || i % 12 == 0 ? capitalize(w) : w);
        }
        return sb.append('.').toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String slugify(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
