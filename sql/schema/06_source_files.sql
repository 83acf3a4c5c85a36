-- Files read by earlier builds: a file whose size and modification time have not changed, and whose
-- articles are at the current extractor version, is not read again.
create table if not exists source_files (
    path        varchar primary key,
    size        bigint not null,
    mtime_ns    bigint not null,
    article_ids varchar[] not null
);
