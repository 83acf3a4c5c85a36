-- consensus: one value per quantity, the value every chart, table and page shows. A quantity is an
-- indicator, a pair, a measure, a unit and rate, and a period; a figure with no period (a stock stated
-- "actuellement") is a quantity of its own. Among its statements (in one article or several) the value
-- picked is an exact figure over a rounded or bounded one, then official statistics over the press over
-- speeches, then the most recently published article; min, max and the relative spread show how far the
-- statements disagree, and the picked statement's own columns come along so a plotted value keeps its sentence.
create or replace view consensus as
with source_series as (
    select
        *,
        -- an undated level is no period: it meets no other statement
        case when period_start is null and period_end is null and measure <> 'target' then fact_id end as own_key
    from series
),

grouped as (
    select
        first(fact_id order by
            (qualifier = 'exact') desc,
            case source_kind when 'official' then 0 when 'press' then 1 else 2 end,
            published desc nulls last, article, char_start) as picked_fact_id,
        count(distinct article) as n_sources,
        count(*) as n_facts,
        min(value) as min_value,
        max(value) as max_value,
        list(fact_id order by article, char_start) as fact_ids,
        list(distinct article order by article) as articles
    from source_series
    group by indicator, country_a, country_b, measure, unit, per, period_start, period_end, own_key
),

final as (
    select
        s.*,
        g.picked_fact_id,
        s.source_kind as picked_source_kind,
        g.n_sources,
        g.n_facts,
        g.min_value,
        g.max_value,
        case when g.max_value = 0 then 0 else (g.max_value - g.min_value) / abs(g.max_value) end as rel_spread,
        g.fact_ids,
        g.articles
    from grouped as g
    join source_series as s on s.fact_id = g.picked_fact_id
)

select * exclude (own_key) from final
