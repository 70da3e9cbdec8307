create table article (
    id                   uuid          primary key,
    slug                 varchar(96)   not null,
    title                varchar(200)  not null,
    lead                 varchar(1000),
    body_markdown        text          not null default '',
    body_html            text          not null default '',
    body_text            text          not null default '',
    language             varchar(35)   not null default 'nl',
    status               varchar(16)   not null default 'draft',
    published_at         timestamptz,
    scheduled_at         timestamptz,
    featured             boolean       not null default false,
    word_count           integer       not null default 0,
    reading_time_minutes integer       not null default 0,
    image_url            varchar(2048),
    image_alt            varchar(500),
    image_caption        varchar(1000),
    seo_title            varchar(200),
    seo_description      varchar(500),
    seo_canonical_url    varchar(2048),
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    constraint article_slug_unique unique (slug),
    constraint article_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint article_title_not_blank check (length(btrim(title)) > 0),
    constraint article_status_valid check (status in ('draft', 'scheduled', 'published', 'archived')),
    constraint article_body_size check (length(body_markdown) <= 100000),
    constraint article_language_format check (language ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'),
    constraint article_published_has_date check (status not in ('published', 'archived') or published_at is not null),
    constraint article_scheduled_has_date check (status <> 'scheduled' or scheduled_at is not null),
    constraint article_counts_positive check (word_count >= 0 and reading_time_minutes >= 0)
);

-- Newest-first reader lists walk only published rows; the id breaks ties for keyset pagination.
create index article_published_keyset on article (published_at desc, id desc) where status = 'published';
create index article_updated_keyset on article (updated_at desc, id desc);
create index article_status on article (status);

-- Ordered authors of an article (position 0 first). The service guarantees at least one.
create table article_author (
    article_id uuid    not null references article (id) on delete cascade,
    author_id  uuid    not null references author (id) on delete restrict,
    position   integer not null,
    primary key (article_id, position),
    -- Deferred: re-ordering updates rows position by position and would otherwise collide mid-statement.
    constraint article_author_unique unique (article_id, author_id) deferrable initially deferred,
    constraint article_author_position_valid check (position >= 0)
);
create index article_author_by_author on article_author (author_id, article_id);

-- Ordered tags of an article; position 0 is the primary tag.
create table article_tag (
    article_id uuid    not null references article (id) on delete cascade,
    tag_id     uuid    not null references tag (id) on delete cascade,
    position   integer not null,
    primary key (article_id, position),
    constraint article_tag_unique unique (article_id, tag_id) deferrable initially deferred,
    constraint article_tag_position_valid check (position >= 0)
);
create index article_tag_by_tag on article_tag (tag_id, article_id);

-- Ordered "lees ook" links. A link to an unpublished article is kept but not shown to readers.
create table article_related (
    article_id uuid    not null references article (id) on delete cascade,
    related_id uuid    not null references article (id) on delete cascade,
    position   integer not null,
    primary key (article_id, position),
    constraint article_related_unique unique (article_id, related_id) deferrable initially deferred,
    constraint article_related_not_self check (article_id <> related_id),
    constraint article_related_position_valid check (position >= 0)
);
create index article_related_by_target on article_related (related_id);

-- Slugs an article had before; reading by one answers 301 to the current slug.
create table article_slug_history (
    slug       varchar(96) primary key,
    article_id uuid        not null references article (id) on delete cascade,
    created_at timestamptz not null
);
create index article_slug_history_by_article on article_slug_history (article_id);
