-- The ordered relations of an article (authors, tags, "lees ook" links) are lists: positions 0..n-1 without holes.
-- Hibernate reads a hole as a null element, so a delete that left one broke every answer showing that article.
-- The application now removes links through the article (which renumbers them); these triggers keep positions
-- dense whatever deletes a row (a cascade, a manual statement), and the updates below repair existing holes.

-- Renumbers the rows of the given articles in one link table, in their current order. Two steps, because the
-- primary key (article_id, position) is checked row by row: first out of the way, then into place.
create function kopij_renumber_links(link_table regclass, article_ids uuid[]) returns void
language plpgsql as $$
begin
    execute format($f$
        update %1$s l set position = r.pos + 1000000
        from (select article_id, position,
                     row_number() over (partition by article_id order by position) - 1 as pos
              from %1$s where article_id = any($1)) r
        where l.article_id = r.article_id and l.position = r.position and r.pos <> r.position$f$, link_table)
    using article_ids;
    execute format('update %1$s set position = position - 1000000 where article_id = any($1) and position >= 1000000',
                   link_table)
    using article_ids;
end;
$$;

create function kopij_close_link_gaps() returns trigger
language plpgsql as $$
declare
    affected uuid[];
begin
    select array_agg(distinct article_id) into affected from removed;
    if affected is not null then
        perform kopij_renumber_links(TG_TABLE_NAME::regclass, affected);
    end if;
    return null;
end;
$$;

create trigger article_author_dense after delete on article_author
    referencing old table as removed for each statement execute function kopij_close_link_gaps();
create trigger article_tag_dense after delete on article_tag
    referencing old table as removed for each statement execute function kopij_close_link_gaps();
create trigger article_related_dense after delete on article_related
    referencing old table as removed for each statement execute function kopij_close_link_gaps();

-- Repair what earlier versions left behind.
select kopij_renumber_links('article_author', array(select distinct article_id from article_author));
select kopij_renumber_links('article_tag', array(select distinct article_id from article_tag));
select kopij_renumber_links('article_related', array(select distinct article_id from article_related));

-- Deleting a tag or an article changes the articles that used it: those changes are revisions too.
alter table article_revision drop constraint article_revision_action_valid;
alter table article_revision add constraint article_revision_action_valid check (action in
    ('create', 'update', 'related', 'publish', 'schedule', 'unpublish', 'archive', 'restore',
     'tag-deleted', 'related-deleted'));
