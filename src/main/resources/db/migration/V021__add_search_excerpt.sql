-- ts_headline parses and stems every word of the text it is given: over an article's lead and body (~5 kB) that
-- is about 0.7 ms, most of what a search page cost. A search therefore highlights an excerpt of at most 300
-- characters (ts_headline shows 30 words) around the first place a query term seems to occur, found with plain
-- substring searches.

-- What to look for in a text to find a query's terms. Lexemes are stems ("klimaat" is 'klimat', "modellen"
-- 'modell'), so each is taken without its last letter ("klima", "model"; short ones whole), lower-case and
-- capitalised (a lower() of the whole text costs more than the searches); a form that starts with another is left
-- out, the shorter one finds it anyway, and so are forms under three letters, which occur nearly everywhere.
-- Computed once per search, not per row.
create function kopij_query_locators(query tsquery) returns text[]
    language sql immutable parallel safe strict
    return array(
        with form as (
            select distinct form
            from (select case when length(m[1]) > 3 then left(m[1], -1) else m[1] end as stem
                  from regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') as m) as lexeme,
                 unnest(array[stem, initcap(stem)]) as form
            where length(stem) >= 3)
        select f.form from form f
        where not exists (select 1 from form g where g.form <> f.form and starts_with(f.form, g.form)));

-- At most 300 characters of document, from 100 before the first occurrence of any locator; without one, the
-- start of the text. Words cut by the window's edges are dropped. A word that merely starts like a term
-- ("modern" for "model") can place the excerpt where ts_headline then finds nothing to highlight. PL/pgSQL with
-- only simple expressions (and no regular expressions): this runs for every row of a page.
create function kopij_search_excerpt(document text, locators text[]) returns text
    language plpgsql immutable parallel safe strict as $$
declare
    locator text;
    hit int;
    first_hit int := 0;
    excerpt_start int;
    excerpt text;
    space int;
begin
    foreach locator in array locators loop
        hit := strpos(document, locator);
        if hit > 0 and (first_hit = 0 or hit < first_hit) then
            first_hit := hit;
        end if;
    end loop;
    excerpt_start := greatest(1, first_hit - 100);
    excerpt := substr(document, excerpt_start, 300);
    if length(excerpt) = 300 then
        space := strpos(reverse(excerpt), ' ');
        if space > 0 then
            excerpt := left(excerpt, -space);
        end if;
    end if;
    if excerpt_start > 1 then
        excerpt := substr(excerpt, strpos(excerpt, ' ') + 1);
    end if;
    return excerpt;
end
$$;
