create table tag (
    id          uuid         primary key,
    slug        varchar(96)  not null,
    name        varchar(100) not null,
    description varchar(2000),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint tag_slug_unique unique (slug),
    constraint tag_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint tag_name_not_blank check (length(btrim(name)) > 0)
);
-- Tags are matched by name case-insensitively when an article names them.
create unique index tag_name_lower_unique on tag (lower(name));
