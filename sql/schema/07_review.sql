-- What data/corrections.yaml says and what each build made of it (corridor/review/, docs/review.md). Both are
-- rewritten by every build, inside its transaction; a corrections file that cannot be read keeps these rows.

-- One row per entry of the file, as written (`raw`, JSON) and as resolved against this build's articles.
create table if not exists corrections (
    entry        integer primary key,            -- its place in the file, from 1
    line         integer,                        -- the line it starts on
    file         varchar not null,
    action       varchar,                        -- confirm | correct | reject | add (as written: may be wrong)
    article_ref  varchar,                        -- the article as the entry names it
    evidence     varchar,
    who          varchar,
    decided_at   varchar,                        -- the entry's `when`
    note         varchar,
    raw          json not null,
    outcome      varchar not null check (outcome in ('applied', 'moot', 'invalid', 'article_missing', 'span_missing',
                                                     'fact_missing')),
    problem      varchar,                        -- why it could not apply, in words
    article_id   varchar,                        -- resolved: the article the entry applies to
    article      varchar,
    char_start   integer,                        -- resolved: where the evidence is now
    char_end     integer,
    moved        boolean,                        -- the evidence was found elsewhere than the entry's span
    fact_id      varchar                         -- the fact it decided about (an added fact's new id)
);

-- One row per fact a person decided about: the extracted fact with every correction applied in file order
-- (confirmed, corrected or rejected), or a fact a person added. The `facts` view reads these over the extractor's.
create table if not exists reviewed_facts (
    fact_id           varchar primary key,
    article_id        varchar not null,
    article           varchar not null,
    indicator         varchar,
    measure           varchar,
    reporter          varchar,
    partner           varchar,
    value             double,
    unit              varchar,
    per               varchar,
    qualifier         varchar,
    period_start      date,
    period_end        date,
    period_kind       varchar,
    route             varchar,
    evidence          varchar not null,
    char_start        integer not null,
    char_end          integer not null,
    source_kind       varchar,
    why               varchar,
    extractor_version varchar not null,
    confidence        double,                    -- the extractor's (null for an added fact)
    status            varchar not null check (status in ('confirmed', 'corrected', 'rejected', 'added')),
    corrected_fields  varchar[],                 -- the fields that differ from the extractor's reading
    reviewed_by       varchar,                   -- who, when and why: the last entry about the fact
    reviewed_at       varchar,
    review_note       varchar,
    correction        varchar                    -- that entry: corrections.yaml#3
);
