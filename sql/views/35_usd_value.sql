-- usd_value: every money figure with its USD equivalent for cross-country charts.
-- Rate: the annual average of the year the period ends (a stock without a period: the publication
-- year). The raw value and currency stay beside it; no rate, no conversion (fx_status = 'no_rate').
create or replace view usd_value as
with source_series as (
    select * from series
),

source_rates as (
    select currency, year, lcu_per_usd, source_url from fx_rates
),

dated as (
    select
        *,
        coalesce(year, year(published)) as fx_year
    from source_series
),

final as (
    select
        d.fact_id,
        d.indicator,
        d.measure,
        d.country_a,
        d.country_b,
        d.pair_label,
        d.value as raw_value,
        d.unit as raw_unit,
        d.fx_year,
        r.lcu_per_usd,
        r.source_url as fx_source,
        case
            when d.unit = 'USD' then d.value
            when r.lcu_per_usd is not null then d.value / r.lcu_per_usd
        end as value_usd,
        case
            when d.unit = 'USD' then 'native'
            when d.unit in ('t', 'm3', 'bbl', 'TEU', 'count', '%', 'x') then 'not_money'
            when r.lcu_per_usd is not null then 'converted'
            else 'no_rate'
        end as fx_status,
        d.qualifier,
        d.period_kind,
        d.period_start,
        d.period_end,
        d.year,
        d.is_partial_year,
        d.article,
        d.evidence
    from dated as d
    left join source_rates as r
        on r.currency = d.unit and r.year = d.fx_year
)

select * from final
