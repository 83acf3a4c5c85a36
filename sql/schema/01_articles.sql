-- One row per distinct article text. The id is a hash of the text, so the same article saved
-- under two names is one row (both names are kept in article_names); `name` and `path` are one of them.
create table if not exists articles (
    article_id        varchar primary key,
    name              varchar not null,          -- one of its names (article_names): the `article` of its facts
    path              varchar not null,
    fmt               varchar not null check (fmt in ('txt', 'md', 'html', 'jsonl', 'json')),
    title             varchar,
    published         date,
    date_source       varchar check (date_source in ('front_matter', 'dateline', 'html', 'jsonl')),
    place             varchar,
    source            varchar,
    url               varchar,
    lang              varchar,
    text              varchar not null,          -- kept so every evidence span can be re-checked
    n_chars           integer not null check (n_chars >= 0),
    extractor_version varchar not null,
    ingested_at       timestamp not null default current_timestamp
);

-- Where each article comes from: one row per file, or per record of a dump. `source` (the file's absolute path,
-- #record for a dump's) is its identity; `name` (relative to the root of the build that read it) is what facts
-- call it. A build mirrors the paths it is given: sources gone from them are deleted, and an article no source
-- holds any more moves to retired_articles (95_history.sql).
create table if not exists article_names (
    source     varchar primary key,
    name       varchar not null,
    article_id varchar not null,
    path       varchar not null
);
