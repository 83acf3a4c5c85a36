-- usd_value: every quantity's consensus value with its USD equivalent, for cross-country charts.
-- Rate: the annual average of the year the period ends (a stock without a period: the publication
-- year). The raw value and currency stay beside it; no rate, no conversion (fx_status = 'no_rate'),
-- and fx_note says why.
create or replace view usd_value as
with source_consensus as (
    select * from consensus
),

source_rates as (
    select currency, year, lcu_per_usd, source_url, source_note from fx_rates
),

dated as (
    select
        *,
        coalesce(year, year(published)) as fx_year
    from source_consensus
),

final as (
    select
        d.fact_id,
        d.indicator,
        d.measure,
        d.country_a,
        d.country_b,
        d.pair_label,
        d.is_symmetric,
        d.value as raw_value,
        d.unit as raw_unit,
        d.per,
        d.fx_year,
        r.lcu_per_usd,
        r.source_url as fx_source,
        r.source_note as fx_source_note,
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
        case
            when d.unit in ('USD', 't', 'm3', 'bbl', 'TEU', 'count', '%', 'x') or r.lcu_per_usd is not null then null
            when d.fx_year is null then 'no period and no publication date: no year to take a rate for'
            when (select count(*) from source_rates as x where x.currency = d.unit) = 0
                then 'no published rate for ' || d.unit || ' in data/reference/'
            else 'no published annual average for ' || d.unit || ' in ' || d.fx_year
        end as fx_note,
        d.qualifier,
        d.period_kind,
        d.period_start,
        d.period_end,
        d.year,
        d.is_partial_year,
        d.n_facts,
        d.n_sources,
        d.article,
        d.article_id,
        d.article_title,
        d.published,
        d.article_source,
        d.evidence,
        d.char_start,
        d.char_end,
        d.status,
        d.confidence,
        d.reviewed_by,
        d.reviewed_at,
        d.corrected_fields
    from dated as d
    left join source_rates as r
        on r.currency = d.unit and r.year = d.fx_year
)

select * from final
