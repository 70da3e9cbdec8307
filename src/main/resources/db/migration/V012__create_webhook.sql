-- Webhook endpoints (admin API) and their deliveries. A delivery carries its own copy of the body it sends, so
-- outbox retention never touches a pending delivery, and a redelivery sends the same bytes and webhook-id.
create table webhook (
    id                        uuid           primary key,
    url                       varchar(2048)  not null,
    description               varchar(500),
    events                    text[]         not null,
    filter_tags               text[]         not null default '{}',
    filter_languages          text[]         not null default '{}',
    enabled                   boolean        not null default true,
    disabled_reason           varchar(500),
    secret                    varchar(200)   not null,
    previous_secret           varchar(200),
    previous_secret_expires_at timestamptz,
    -- only events after this position are delivered (nothing from before the endpoint existed)
    start_position            bigint         not null,
    version                   bigint         not null,
    created_at                timestamptz    not null,
    updated_at                timestamptz    not null
);

create table webhook_delivery (
    id               uuid          primary key,
    webhook_id       uuid          not null references webhook (id) on delete cascade,
    -- the webhook-id header: the outbox event id (a redelivery repeats it)
    event_id         uuid          not null,
    event_type       varchar(64)   not null,
    -- events of one article (author, tag) reach an endpoint in position order; null for pings and redeliveries
    subject_id       uuid,
    position         bigint,
    payload          text          not null,
    status           varchar(16)   not null default 'pending',
    attempt_count    integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    lease_owner      uuid,
    lease_until      timestamptz,
    created_at       timestamptz   not null,
    finished_at      timestamptz,
    constraint webhook_delivery_status_valid check (status in ('pending', 'delivered', 'failed'))
);

-- Due work: what the delivery workers of every instance claim with FOR UPDATE SKIP LOCKED.
create index webhook_delivery_due on webhook_delivery (webhook_id, next_attempt_at) where status = 'pending';
-- An earlier pending delivery of the same article to the same endpoint holds the later ones back.
create index webhook_delivery_subject_order on webhook_delivery (webhook_id, subject_id, position)
    where status = 'pending' and subject_id is not null;
-- The delivery log, newest first; retention of finished deliveries.
create index webhook_delivery_log on webhook_delivery (webhook_id, created_at desc, id desc);
create index webhook_delivery_finished on webhook_delivery (finished_at) where status <> 'pending';
-- One fan-out row per event and endpoint, whatever happens (a redelivery has its own row, position null).
create unique index webhook_delivery_once on webhook_delivery (webhook_id, event_id) where position is not null;

create table webhook_attempt (
    id                bigint         generated always as identity primary key,
    delivery_id       uuid           not null references webhook_delivery (id) on delete cascade,
    attempted_at      timestamptz    not null,
    status_code       integer,
    duration_ms       integer        not null,
    response_excerpt  varchar(1000),
    error             varchar(500)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);

insert into outbox_consumer (name, position) values ('webhooks', 0);
