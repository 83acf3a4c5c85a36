-- consensus: statements of one quantity (indicator, pair, measure, unit, rate, period) merged
-- across articles. The value picked prefers an exact figure over a rounded or bounded one, then
-- official statistics over the press and the press over speeches, then the most recently published
-- article; min, max and the relative spread show the disagreement.
create or replace view consensus as
with source_series as (
    select * from series where period_start is not null or measure = 'target'
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator, country_a, country_b, measure, unit, per, period_start, period_end
            order by
                (qualifier = 'exact') desc,
                case source_kind when 'official' then 0 when 'press' then 1 else 2 end,
                published desc nulls last, article, char_start
        ) as pick_rank
    from source_series
),

grouped as (
    select
        indicator,
        country_a,
        country_b,
        any_value(pair_label) as pair_label,
        measure,
        unit,
        per,
        period_start,
        period_end,
        any_value(period_kind) as period_kind,
        count(distinct article) as n_sources,
        count(*) as n_facts,
        min(value) as min_value,
        max(value) as max_value,
        max(case when pick_rank = 1 then value end) as value,
        max(case when pick_rank = 1 then qualifier end) as qualifier,
        max(case when pick_rank = 1 then fact_id end) as picked_fact_id,
        max(case when pick_rank = 1 then source_kind end) as picked_source_kind,
        list(fact_id order by article) as fact_ids,
        list(distinct article) as articles
    from ranked
    group by indicator, country_a, country_b, measure, unit, per, period_start, period_end
),

final as (
    select
        *,
        case when max_value = 0 then 0 else (max_value - min_value) / abs(max_value) end as rel_spread,
        case
            when n_facts = 1 then 'single statement'
            else 'exact over approx, official over press over speech, then latest article'
        end as rule
    from grouped
)

select * from final
