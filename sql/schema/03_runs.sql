-- Every build and validation run, and what each could not read or found wrong.
create table if not exists runs (
    run_id      varchar primary key,
    kind        varchar not null check (kind in ('build', 'validate')),
    started_at  timestamp not null,
    finished_at timestamp,
    summary     json
);

create table if not exists ingest_errors (
    run_id   varchar not null,
    path     varchar not null,
    severity varchar not null check (severity in ('error', 'warning')),
    message  varchar not null
);

-- A fact that breaks a validation rule stays in `facts`; its flag lives here.
create table if not exists fact_issues (
    run_id   varchar not null,
    fact_id  varchar not null,
    rule     varchar not null,
    family   varchar not null,
    observed varchar
);
