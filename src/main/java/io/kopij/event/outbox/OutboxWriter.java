package io.kopij.event.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kopij.event.ArticleUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a transaction's events with ONE statement, whatever their number: the events built in Java travel as a
 * JSON array parameter, and each fan-out (a rename shown on many articles) is a {@code select} over the articles,
 * all joined by {@code union all}. Positions are not written here: the commit trigger (V011) assigns them.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String COLUMNS = "id, type, subject_id, public, tags, languages, data";

    private final ObjectMapper json;
    private final ArticleUrls urls;

    OutboxWriter(ObjectMapper json, ArticleUrls urls) {
        this.json = json;
        this.urls = urls;
    }

    /** Inserts the events and fan-outs in one statement; returns the rows written. */
    public int write(Connection connection, List<NewEvent> events, List<FanOut> fanOuts) throws SQLException {
        if (events.isEmpty() && fanOuts.isEmpty()) {
            return 0;
        }
        List<String> selects = new ArrayList<>();
        List<Binder> binders = new ArrayList<>();
        if (!events.isEmpty()) {
            selects.add("""
                    (select (e->>'id')::uuid, e->>'type', (e->>'subject')::uuid, (e->>'public')::boolean,
                            array(select jsonb_array_elements_text(e->'tags')),
                            array(select jsonb_array_elements_text(e->'languages')), e->'data'
                     from jsonb_array_elements(?::jsonb) with ordinality as x(e, n) order by n)""");
            String batch = encode(events);
            binders.add((statement, index) -> {
                statement.setString(index, batch);
                return index + 1;
            });
        }
        for (FanOut fanOut : fanOuts) {
            selects.add(fanOutSelect(fanOut));
            binders.add((statement, index) -> {
                statement.setString(index++, urls.template());
                statement.setArray(index++, connection.createArrayOf("text", fanOut.formerTagSlugs().toArray()));
                if (fanOut.articleIds() == null) {
                    statement.setObject(index++, fanOut.relatedId());
                } else {
                    statement.setArray(index++, connection.createArrayOf("uuid", fanOut.articleIds().toArray()));
                }
                return index;
            });
        }
        String sql = "insert into outbox_event (" + COLUMNS + ")\n" + String.join("\nunion all\n", selects);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Binder binder : binders) {
                index = binder.bind(statement, index);
            }
            return statement.executeUpdate();
        }
    }

    /** {@code article.updated} for every published article linked to the tag or author (or the ids given). */
    private static String fanOutSelect(FanOut fanOut) {
        String join = fanOut.relation().equals("tags") ? "article_tag" : "article_author";
        String column = fanOut.relation().equals("tags") ? "tag_id" : "author_id";
        String which = fanOut.articleIds() == null
                ? "a.id in (select l.article_id from " + join + " l where l." + column + " = ?)"
                : "a.id = any(?::uuid[])";
        return """
                (select gen_random_uuid(), 'article.updated', a.id, true, cur.slugs || former.slugs, array[a.language],
                        jsonb_build_object('id', a.id, 'slug', a.slug, 'version', a.version, 'status', a.status,
                            'language', a.language, 'primaryTag', cur.slugs[1], 'url', %s,
                            'changed', jsonb_build_array('%s'))
                 from (select ?::text as tpl, ?::text[] as slugs) former
                 cross join article a
                 cross join lateral (select array(select t.slug from article_tag at join tag t on t.id = at.tag_id
                                                  where at.article_id = a.id order by at.position) as slugs) cur
                 where a.status = 'published' and %s
                 order by a.id)""".formatted(ArticleUrls.sql("former.tpl", "cur.slugs[1]"), fanOut.relation(), which);
    }

    private String encode(List<NewEvent> events) {
        ArrayNode array = json.createArrayNode();
        for (NewEvent event : events) {
            ObjectNode row = array.addObject();
            row.put("id", event.id().toString());
            row.put("type", event.type());
            row.put("subject", event.subjectId().toString());
            row.put("public", event.isPublic());
            ArrayNode tags = row.putArray("tags");
            event.tags().forEach(tags::add);
            ArrayNode languages = row.putArray("languages");
            event.languages().forEach(languages::add);
            row.set("data", event.data());
        }
        return array.toString();
    }

    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement statement, int index) throws SQLException;
    }
}
