-- Annual average exchange rates (local currency per USD), loaded from data/reference/ on every build.
create table if not exists fx_rates (
    currency    varchar not null,
    year        integer not null,
    lcu_per_usd double not null check (lcu_per_usd > 0),
    source_url  varchar not null,
    source_note varchar,
    primary key (currency, year)
);
