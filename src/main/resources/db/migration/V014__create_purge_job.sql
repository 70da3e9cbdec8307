-- Cache purges (edge feature): the purge fan-out follows the outbox with its own durable cursor and turns each
-- batch of committed events into one job per configured purger target (a Varnish URL, Fastly, Cloudflare, an HTTP
-- endpoint). Jobs are claimed with FOR UPDATE SKIP LOCKED by any instance and retried with backoff; a job that
-- succeeds is deleted, one whose retries are exhausted stays as 'failed' for the operators.
create table purge_job (
    id               uuid           primary key,
    -- the purger target, e.g. 'varnish http://varnish:80/' (a target no longer configured drops its jobs)
    target           varchar(2100)  not null,
    keys             text[]         not null,
    status           varchar(16)    not null default 'pending',
    attempt_count    integer        not null default 0,
    next_attempt_at  timestamptz    not null,
    lease_until      timestamptz,
    last_error       varchar(500),
    created_at       timestamptz    not null,
    constraint purge_job_status_valid check (status in ('pending', 'failed'))
);

create index purge_job_due on purge_job (next_attempt_at) where status = 'pending';

-- Start after what is already committed: content that changed before purging existed is not purged again.
insert into outbox_consumer (name, position)
select 'purges', coalesce(max(position), 0) from outbox_event;
