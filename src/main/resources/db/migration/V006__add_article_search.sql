-- Full-text search: the article's language picks the text search configuration (nl -> dutch, en -> english,
-- anything else -> simple); accents are folded with unaccent; title weighs more than lead, lead more than body.
create extension if not exists unaccent;

create function kopij_search_config(language text) returns regconfig
    language sql immutable parallel safe
    return case lower(split_part(language, '-', 1))
        when 'nl' then 'pg_catalog.dutch'::regconfig
        when 'en' then 'pg_catalog.english'::regconfig
        else 'pg_catalog.simple'::regconfig
    end;

-- unaccent() is only stable (its dictionary could change); pinning the dictionary makes it safe to index.
create function kopij_unaccent(value text) returns text
    language sql immutable parallel safe strict
    return public.unaccent('public.unaccent'::regdictionary, value);

alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector(kopij_search_config(language), kopij_unaccent(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector(kopij_search_config(language), kopij_unaccent(coalesce(lead, ''))), 'B') ||
    setweight(to_tsvector(kopij_search_config(language), kopij_unaccent(coalesce(body_text, ''))), 'C')
) stored;

create index article_search on article using gin (search_vector);
