-- series: one row per indicator x pair x measure x period, the unit of every trend chart.
-- Symmetric indicators put the pair in alphabetical order so both spellings meet; months and
-- year-to-date figures carry is_partial_year so they never pass as a full year.
create or replace view series as
with source_facts as (
    select * from facts
),

source_articles as (
    select article_id, published, title from articles
),

paired as (
    select
        f.*,
        f.indicator in ('trade_turnover', 'transit_cargo', 'agreements') as is_symmetric,
        case
            when f.indicator in ('trade_turnover', 'transit_cargo', 'agreements')
                 and f.partner is not null and f.partner < f.reporter then f.partner
            else f.reporter
        end as country_a,
        case
            when f.indicator in ('trade_turnover', 'transit_cargo', 'agreements')
                 and f.partner is not null and f.partner < f.reporter then f.reporter
            else f.partner
        end as country_b
    from source_facts as f
),

final as (
    select
        p.fact_id,
        p.indicator,
        p.measure,
        p.country_a,
        p.country_b,
        coalesce(p.country_a, '') || case when p.is_symmetric then '–' else '→' end
            || coalesce(p.country_b, '∅') as pair_label,
        p.is_symmetric,
        p.value,
        p.unit,
        p.per,
        p.qualifier,
        p.period_kind,
        p.period_start,
        p.period_end,
        year(p.period_end) as year,
        p.period_kind = 'months' as is_partial_year,
        p.route,
        p.source_kind,
        p.article,
        a.title as article_title,
        a.published,
        p.evidence,
        p.char_start,
        p.char_end,
        p.extractor_version
    from paired as p
    left join source_articles as a using (article_id)
)

select * from final
