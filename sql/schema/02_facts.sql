-- One row per figure an article states (contract: shared spec facts.md), as the extractor read it. Corrections
-- never touch these rows: the `facts` view (views/05_facts.sql) is what every reader reads, the extractor's
-- rows with data/corrections.yaml applied (reviewed_facts, 07_review.sql).
-- Constraints hold what the extractor guarantees by construction; plausibility is the job of the
-- validation suite, which flags rows in fact_issues and never deletes them.
create table if not exists extracted_facts (
    fact_id           varchar primary key,       -- hash of article, span, indicator, measure, unit, value
    article_id        varchar not null,
    article           varchar not null,
    indicator         varchar not null,
    measure           varchar not null check (measure in ('level', 'change_pct', 'change_factor', 'target')),
    reporter          varchar not null,
    partner           varchar,
    value             double not null,
    unit              varchar not null,
    per               varchar check (per in ('year', 'day')),
    qualifier         varchar not null check (qualifier in ('exact', 'approx', 'lower_bound', 'upper_bound')),
    period_start      date,
    period_end        date,
    period_kind       varchar not null check (period_kind in ('year', 'months', 'cumulative', 'as_of', 'unknown')),
    route             varchar,
    evidence          varchar not null,
    char_start        integer not null check (char_start >= 0),
    char_end          integer not null,
    source_kind       varchar check (source_kind in ('official', 'speech', 'press')),
    why               varchar,                   -- the rules that set its sides, measure and period
    extractor_version varchar not null,
    confidence        double,                    -- from `why` (corridor/review/confidence.py, docs/review.md)
    check (char_start < char_end)
);
create index if not exists extracted_facts_article on extracted_facts (article_id);
