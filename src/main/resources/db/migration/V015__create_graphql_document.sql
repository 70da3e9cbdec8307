-- GraphQL documents by their SHA-256 (hex): Apollo automatic persisted queries register themselves here (a client
-- sends the hash alone once the document is known), and admins register a build's manifest as trusted documents.
-- Shared by every instance; a hash always names the same text, so any instance may keep what it read.
create table graphql_document (
    sha256      char(64)     primary key,
    document    text         not null,
    -- registered by an admin: the only documents that run in trusted-documents mode
    trusted     boolean      not null default false,
    created_at  timestamptz  not null default now(),
    constraint graphql_document_sha256_hex check (sha256 ~ '^[0-9a-f]{64}$')
);
