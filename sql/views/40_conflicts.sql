-- conflicts: every quantity whose statements disagree by more than 5 % of the largest (a change in percent: by
-- more than one point), two statements of one article included, each statement side by side with the value
-- the consensus picked. picked_fact_id names the quantity.
create or replace view conflicts as
with source_consensus as (
    select * from consensus
    where n_facts > 1
        and case when measure = 'change_pct' then max_value - min_value > 1 else rel_spread > 0.05 end
),

source_series as (
    select * from series
),

members as (
    select *, unnest(fact_ids) as member_id from source_consensus
),

statements as (
    select
        c.indicator, c.country_a, c.country_b, c.pair_label, c.is_symmetric, c.measure, c.unit, c.per,
        c.period_start, c.period_end, c.period_kind,
        c.n_sources, c.n_facts, c.min_value, c.max_value, c.rel_spread,
        c.value as consensus_value, c.picked_fact_id,
        s.fact_id, s.fact_id = c.picked_fact_id as is_picked,
        s.article, s.article_id, s.article_title, s.published, s.article_source, s.source_kind,
        s.value, s.qualifier, s.evidence, s.char_start, s.char_end,
        s.status, s.confidence, s.reviewed_by, s.reviewed_at, s.corrected_fields
    from members as c
    join source_series as s on s.fact_id = c.member_id
),

final as (
    select * from statements
)

select * from final
