-- Authors: people credited on articles. keycloak_subject ties a profile to the Keycloak user who owns it.
create table author (
    id               uuid         primary key,
    slug             varchar(96)  not null,
    name             varchar(200) not null,
    bio              varchar(4000),
    avatar_url       varchar(2048),
    email            varchar(320),
    keycloak_subject varchar(255),
    version          bigint       not null default 0,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint author_slug_unique unique (slug),
    constraint author_keycloak_subject_unique unique (keycloak_subject),
    constraint author_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint author_name_not_blank check (length(btrim(name)) > 0)
);
