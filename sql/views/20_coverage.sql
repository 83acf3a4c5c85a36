-- coverage: articles and facts per pair and year, so a trend is never read from a coverage artefact.
create or replace view coverage as
with source_series as (
    select * from series
),

final as (
    select
        pair_label,
        country_a,
        country_b,
        year,
        count(distinct article) as n_articles,
        count(*) as n_facts,
        count(distinct indicator) as n_indicators,
        list(distinct article order by article) as articles
    from source_series
    group by all
)

select * from final
order by pair_label, year nulls last
