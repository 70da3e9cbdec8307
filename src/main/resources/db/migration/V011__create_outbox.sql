-- The transactional outbox: every content change writes its event in the transaction that makes the change.
--
-- Ordering (why positions are allocated at commit): a reader follows events by `position` and must never skip
-- one, even when transactions commit in another order than they started. A sequence value taken at INSERT time
-- would not do: T1 takes 10, T2 takes 11 and commits first, a reader sees 11 and moves past 10 before T1 commits.
-- So `position` stays null until commit, when a deferred constraint trigger takes a transaction-level advisory
-- lock and numbers the transaction's events from a sequence. The lock is released only after the commit is
-- visible, so positions are handed out in commit order: when a reader sees position n, every event below n is
-- already committed (or was rolled back, leaving a harmless gap). PostgreSQL already serialises the commits of
-- transactions that NOTIFY (which every event-writing transaction does), so the lock costs little extra.
create sequence outbox_position_seq;

create table outbox_event (
    -- insertion order within a transaction; the position order between transactions
    seq          bigint       generated always as identity,
    id           uuid         primary key,
    position     bigint       unique,
    xid          xid8         not null default pg_current_xact_id(),
    type         varchar(64)  not null,
    subject_id   uuid         not null,
    -- visible to anonymous readers (sync, SSE, subscriptions): events of published articles, and the
    -- unpublish/archive/delete of articles that were published
    public       boolean      not null,
    -- what filters match: the tag slugs and languages of the subject before and after the change
    tags         text[]       not null default '{}',
    languages    text[]       not null default '{}',
    occurred_at  timestamptz  not null default now(),
    data         jsonb        not null,
    constraint outbox_event_type_valid check (type ~ '^[a-z]+\.[a-z]+$')
);

-- The current transaction's events that still need a position (the trigger's lookup).
create index outbox_event_unnumbered on outbox_event (xid) where position is null;
-- Public streams read public events by position.
create index outbox_event_public on outbox_event (position) where public;
-- Retention deletes by age.
create index outbox_event_occurred on outbox_event (occurred_at);

create function kopij_outbox_number() returns trigger
    language plpgsql as $$
declare
    pending  bigint;
    first    bigint;
    last     bigint;
    last_pub bigint;
begin
    -- A transaction's events are numbered by the first firing; the others find nothing left to do.
    select count(*) into pending from outbox_event where xid = pg_current_xact_id() and position is null;
    if pending = 0 then
        return null;
    end if;
    -- Held until the transaction has committed and become visible: positions follow commit order.
    perform pg_advisory_xact_lock(7304116535472104513);
    first := nextval('outbox_position_seq');
    if pending > 1 then
        perform setval('outbox_position_seq', first + pending - 1);
    end if;
    update outbox_event e set position = first + n.rank - 1
    from (select id, row_number() over (order by seq) as rank
          from outbox_event where xid = pg_current_xact_id() and position is null) n
    where e.id = n.id;
    last := first + pending - 1;
    select max(position) into last_pub from outbox_event
    where xid = pg_current_xact_id() and public and position between first and last;
    -- Delivered at commit, to every instance: the new head position, and the last public one if any.
    perform pg_notify('kopij_outbox', json_build_object('position', last, 'public', last_pub)::text);
    return null;
end
$$;

create constraint trigger outbox_event_number after insert on outbox_event
    deferrable initially deferred
    for each row execute function kopij_outbox_number();

-- Durable readers of the outbox that must see every event exactly once across all instances (the webhook
-- fan-out; cache purgers can add theirs): each keeps its position in a row that one instance at a time locks.
create table outbox_consumer (
    name      varchar(64)  primary key,
    position  bigint       not null
);

-- Retention: the highest position deleted so far, and the highest public one. A sync token or Last-Event-ID below
-- the public one cannot be resumed without a gap.
create table outbox_horizon (
    singleton        boolean      primary key default true check (singleton),
    position         bigint       not null,
    public_position  bigint       not null,
    purged_at        timestamptz
);
insert into outbox_horizon (position, public_position) values (0, 0);
