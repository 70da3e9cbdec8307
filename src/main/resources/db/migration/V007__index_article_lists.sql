-- Lists filter on status and sort by publication date with the id as tie-breaker. With status as the leading
-- column the index serves "published, newest first" keyset pages for any bound status value (a partial index
-- on status = 'published' is not usable by generic prepared-statement plans).
drop index article_published_keyset;
create index article_status_published on article (status, published_at desc, id desc);
create index article_status_updated on article (status, updated_at desc, id desc);
drop index article_updated_keyset;
