-- PostgreSQL's Dutch stemmer keeps a doubled final consonant: "modellen" stems to "modell" while "model" stays
-- "model", so a search for the plural missed the singular (and the other way round). Dutch queries therefore
-- match both spellings of every word's final consonant: a doubled one also undoubled, a single one also doubled.
create function kopij_dutch_query(query text) returns tsquery
    language sql stable parallel safe strict
    return regexp_replace(
             regexp_replace(websearch_to_tsquery('pg_catalog.dutch', kopij_unaccent(query))::text,
                            '''([^'' ]*?)([b-df-hj-np-tv-z])\2''', '( ''\1\2\2'' | ''\1\2'' )', 'g'),
             '''([^'' ]*[aeiouy])([b-df-hj-np-tv-z])''', '( ''\1\2'' | ''\1\2\2'' )', 'g')::tsquery;
