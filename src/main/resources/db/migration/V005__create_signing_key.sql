-- Keys the application signs short-lived tokens with (draft preview links). Kept in the database so that every
-- instance behind a load balancer accepts the tokens any instance issued, without extra configuration.
create table signing_key (
    name       varchar(64)  primary key,
    secret     bytea        not null,
    created_at timestamptz  not null,
    constraint signing_key_secret_length check (length(secret) >= 32)
);
-- Due scheduled articles are found by time.
create index article_scheduled_due on article (scheduled_at) where status = 'scheduled';
