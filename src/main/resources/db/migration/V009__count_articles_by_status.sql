-- Exact article totals per status, kept by triggers in the same transaction as every change. The most common
-- list (published, unfiltered, newest first) would otherwise count every published row on every request.
create table article_status_count (
    status   varchar(16) primary key,
    articles bigint      not null,
    constraint article_status_count_valid check (status in ('draft', 'scheduled', 'published', 'archived'))
);

insert into article_status_count (status, articles)
select s, (select count(*) from article a where a.status = s)
from unnest(array['draft', 'scheduled', 'published', 'archived']) as s;

create function kopij_count_article_status() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update article_status_count set articles = articles + 1 where status = new.status;
    elsif tg_op = 'DELETE' then
        update article_status_count set articles = articles - 1 where status = old.status;
    else
        -- One statement for both rows, so concurrent transitions lock them in the same order (no deadlock).
        update article_status_count
        set articles = articles + (case when status = new.status then 1 else 0 end)
                                - (case when status = old.status then 1 else 0 end)
        where status in (old.status, new.status);
    end if;
    return null;
end
$$;

create trigger article_status_count_insert_delete after insert or delete on article
    for each row execute function kopij_count_article_status();

create trigger article_status_count_update after update of status on article
    for each row when (old.status is distinct from new.status) execute function kopij_count_article_status();
