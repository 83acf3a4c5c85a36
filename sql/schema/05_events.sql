-- One row per gathering or visit an article reports (contract: shared spec events.md); its
-- participants, one row each, in event_participants.
create table if not exists events (
    event_id          varchar primary key,       -- hash of article, span and type
    article_id        varchar not null,
    article           varchar not null,
    event_type        varchar not null check (event_type in ('summit', 'meeting', 'visit', 'exercise')),
    status            varchar not null check (status in ('held', 'planned')),
    date_start        date,
    date_end          date,
    place             varchar,
    place_country     varchar,
    host              varchar,
    visitor           varchar,
    organization      varchar,
    signed            boolean not null,
    documents         integer,
    evidence          varchar not null,
    char_start        integer not null check (char_start >= 0),
    char_end          integer not null,
    extractor_version varchar not null,
    check (char_start < char_end)
);

create table if not exists event_participants (
    event_id    varchar not null,
    participant varchar not null,
    primary key (event_id, participant)
);
