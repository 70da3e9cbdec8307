package io.kopij.event.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kopij.article.ArticleReader;
import io.kopij.article.ArticleView;
import io.kopij.article.query.ArticleLists;
import io.kopij.article.query.ArticleQuery;
import io.kopij.article.query.ArticleSort;
import io.kopij.event.outbox.Jdbc;
import io.kopij.event.outbox.Outbox;
import io.kopij.shared.error.KopijException;
import io.kopij.shared.paging.CursorPage;
import io.kopij.shared.paging.PageRequest;
import io.kopij.tag.TagSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Delta sync for offline clients. The initial listing pages through the published articles that match the filter,
 * after noting the outbox position it starts from; changes then come from the outbox: every article with a public
 * event since the client's position, once per pass however often it changed, loaded as it is now. One that is no
 * longer published or no longer matches is a tombstone. Because positions are handed out in commit order, "after
 * position p" never skips a transaction that commits late, and a client that follows the URLs misses nothing.
 */
@ApplicationScoped
public class SyncService {

    /** What a page asks for; a fresh sync has no token. */
    public record Request(String token, List<String> tags, String language, int limit) {
    }

    /** The answer and the two continuation tokens; the adapter turns the tokens into URLs. */
    public record Result(List<ArticleView> items, List<SyncPage.Tombstone> deleted, String nextPageToken,
            String nextSyncToken) {
    }

    private final ArticleLists lists;
    private final ArticleReader articles;
    private final Outbox outbox;
    private final Jdbc jdbc;
    private final ObjectMapper json;

    SyncService(ArticleLists lists, ArticleReader articles, Outbox outbox, Jdbc jdbc, ObjectMapper json) {
        this.lists = lists;
        this.articles = articles;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Result initial(List<String> tags, String language, int limit) {
        long from = outbox.publicHead(); // before reading anything: later changes are in the next pass
        return page(SyncToken.initial(from, null, tags, language, limit));
    }

    public Result next(String token) {
        return page(SyncToken.decode(token, json));
    }

    private Result page(SyncToken token) {
        if (token.from() < outbox.publicHorizon()) {
            throw new KopijException(410, "sync.token-expired", "Sync token expired",
                    "Changes this old are no longer kept (see kopij.events.retention); start again with initial=true");
        }
        return token.initial() ? listing(token) : changes(token);
    }

    private Result listing(SyncToken token) {
        ArticleQuery query = new ArticleQuery.Criteria(token.tags(), null, token.language(), null, null, null, null,
                ArticleSort.PUBLISHED_NEWEST, null).toQuery(ArticleQuery.ParameterNames.REST);
        CursorPage<ArticleView> page = lists.page(query,
                PageRequest.parse(String.valueOf(token.limit()), token.cursor(), null));
        List<UUID> ids = page.edges().stream().map(e -> e.node().id()).toList();
        Map<UUID, ArticleView> full = articles.publishedViews(ids);
        List<ArticleView> items = ids.stream().map(full::get).filter(Objects::nonNull).toList();
        if (page.hasNext()) {
            return new Result(items, List.of(), SyncToken.initial(token.from(), page.endCursor(), token.tags(),
                    token.language(), token.limit()).encode(json), null);
        }
        return new Result(items, List.of(), null,
                SyncToken.changes(token.from(), null, null, token.tags(), token.language(), token.limit()).encode(json));
    }

    private Result changes(SyncToken token) {
        long upto = token.upto() != null ? token.upto() : outbox.publicHead();
        Map<UUID, Instant> changed = changedArticles(token, upto);
        List<UUID> ids = new ArrayList<>(changed.keySet());
        boolean more = ids.size() > token.limit();
        if (more) {
            ids = ids.subList(0, token.limit());
        }
        Map<UUID, ArticleView> current = articles.publishedViews(ids);
        List<ArticleView> items = new ArrayList<>();
        List<SyncPage.Tombstone> deleted = new ArrayList<>();
        for (UUID id : ids) {
            ArticleView view = current.get(id);
            if (view != null && matches(view, token)) {
                items.add(view);
            } else {
                deleted.add(new SyncPage.Tombstone(id, changed.get(id)));
            }
        }
        if (more) {
            return new Result(items, deleted, SyncToken.changes(token.from(), upto, ids.get(ids.size() - 1),
                    token.tags(), token.language(), token.limit()).encode(json), null);
        }
        return new Result(items, deleted, null,
                SyncToken.changes(upto, null, null, token.tags(), token.language(), token.limit()).encode(json));
    }

    /**
     * The articles with public events in (from, upto] that concern the filter (the event's tags and languages are
     * those before and after the change, so an article that left the filter is found too), by id, once each, with
     * the time of their last such event. One more than the page size, to know whether a page follows.
     */
    private Map<UUID, Instant> changedArticles(SyncToken token, long upto) {
        StringBuilder sql = new StringBuilder("""
                select subject_id, max(occurred_at) from outbox_event
                where public and position > ? and position <= ? and type like 'article.%'""");
        if (!token.tags().isEmpty()) {
            sql.append(" and tags && ?::text[]");
        }
        if (token.language() != null) {
            sql.append(" and exists (select 1 from unnest(languages) l where lower(l) = ?)");
        }
        if (token.after() != null) {
            sql.append(" and subject_id > ?");
        }
        sql.append(" group by subject_id order by subject_id limit ?");
        return jdbc.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int i = 1;
                statement.setLong(i++, token.from());
                statement.setLong(i++, upto);
                if (!token.tags().isEmpty()) {
                    statement.setArray(i++, connection.createArrayOf("text", token.tags().toArray()));
                }
                if (token.language() != null) {
                    statement.setString(i++, token.language().toLowerCase(Locale.ROOT));
                }
                if (token.after() != null) {
                    statement.setObject(i++, token.after());
                }
                statement.setInt(i, token.limit() + 1);
                Map<UUID, Instant> changed = new LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        changed.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                    }
                }
                return changed;
            }
        });
    }

    private static boolean matches(ArticleView view, SyncToken token) {
        boolean tagOk = token.tags().isEmpty() || view.tags().stream().map(TagSummary::slug).anyMatch(token.tags()::contains);
        boolean languageOk = token.language() == null || view.language().equalsIgnoreCase(token.language());
        return tagOk && languageOk;
    }
}
