-- series: every fact with its pair written by the one convention the CLI, the API and the report share
-- (corridor/labels.py): a symmetric indicator (counted once for the pair) puts its two countries in code
-- order, "AZE–KAZ"; a directional one runs from reporter to partner, "KAZ→CHN"; a country's own total is
-- "KAZ (all partners)". Months and year-to-date figures carry is_partial_year so they never pass as a year.
create or replace view series as
with source_facts as (
    select * from facts
),

source_articles as (
    select article_id, published, title, source from articles
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
        case
            when p.country_b is null then p.country_a || ' (all partners)'
            else p.country_a || case when p.is_symmetric then '–' else '→' end || p.country_b
        end as pair_label,
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
        p.why,
        p.status,
        p.confidence,
        p.extractor_confidence,
        p.corrected_fields,
        p.reviewed_by,
        p.reviewed_at,
        p.review_note,
        p.correction,
        p.article,
        p.article_id,
        a.title as article_title,
        a.published,
        a.source as article_source,
        p.evidence,
        p.char_start,
        p.char_end,
        p.extractor_version
    from paired as p
    left join source_articles as a using (article_id)
)

select * from final
