-- Uploaded images. The untouched upload is kept in the media store under its sha256 (content-addressed), so
-- the same bytes are one asset; renditions live under the asset id and its render_version.
create table asset (
    id               uuid             primary key,
    version          bigint           not null default 0,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null,
    sha256           varchar(64)      not null,
    mime_type        varchar(32)      not null,
    bytes            bigint           not null,
    width            integer          not null,
    height           integer          not null,
    orientation      smallint         not null default 1,
    filename         varchar(100)     not null,
    alt              varchar(1000),
    caption          varchar(2000),
    credit           varchar(300),
    focal_x          double precision not null default 0.5,
    focal_y          double precision not null default 0.5,
    -- Part of every rendition URL; changes when what a rendition looks like changes (the focal point), so URLs
    -- can be cached as immutable.
    render_version   integer          not null default 1,
    uploaded_by      varchar(255)     not null,
    uploaded_by_name varchar(255),
    constraint asset_sha256_unique unique (sha256),
    constraint asset_sha256_format check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint asset_dimensions check (width > 0 and height > 0),
    constraint asset_focal_point check (focal_x between 0 and 1 and focal_y between 0 and 1)
);
-- The media library lists newest first, optionally one uploader's.
create index asset_created on asset (created_at desc, id desc);
create index asset_uploaded_by on asset (uploaded_by, created_at desc, id desc);

-- An article's image is an uploaded asset or, as before, an external URL, never both. Alt text and caption stay
-- the article's (null: the asset's own). An asset in use cannot be deleted: the service answers 409 first, and the
-- foreign key holds against a delete racing an article that takes the asset up.
alter table article add column image_asset_id uuid references asset (id);
alter table article add constraint article_image_one_source check (image_url is null or image_asset_id is null);
create index article_image_asset on article (image_asset_id) where image_asset_id is not null;
