-- Every successful write of an article stores a revision: who, when, which version, and the editable state.
create table article_revision (
    id             uuid         primary key,
    article_id     uuid         not null references article (id) on delete cascade,
    number         integer      not null,
    version        bigint       not null,
    action         varchar(32)  not null,
    actor_subject  varchar(255),
    actor_name     varchar(200),
    restored_from  integer,
    snapshot       jsonb        not null,
    created_at     timestamptz  not null,
    constraint article_revision_number_unique unique (article_id, number),
    constraint article_revision_number_positive check (number > 0),
    constraint article_revision_action_valid check (action in
        ('create', 'update', 'related', 'publish', 'schedule', 'unpublish', 'archive', 'restore'))
);
