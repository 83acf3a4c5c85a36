-- One row per distinct article text. The id is a hash of the text, so the same article saved
-- under two names is one row (both names are kept in article_names).
create table if not exists articles (
    article_id        varchar primary key,
    name              varchar not null,          -- first file name seen: the `article` of its facts
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

create table if not exists article_names (
    name       varchar primary key,
    article_id varchar not null,
    path       varchar not null
);
