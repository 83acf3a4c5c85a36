-- conflicts: quantities whose sources disagree by more than 5 %, with every statement side by side.
create or replace view conflicts as
with source_consensus as (
    select * from consensus where n_sources > 1 and rel_spread > 0.05
),

statements as (
    select
        c.indicator, c.pair_label, c.measure, c.unit, c.period_start, c.period_end,
        c.n_sources, c.min_value, c.max_value, c.rel_spread,
        s.article, s.value, s.qualifier, s.evidence, s.fact_id
    from source_consensus as c
    join series as s
        on s.indicator = c.indicator
        and s.country_a is not distinct from c.country_a
        and s.country_b is not distinct from c.country_b
        and s.measure = c.measure
        and s.unit = c.unit
        and s.per is not distinct from c.per
        and s.period_start is not distinct from c.period_start
        and s.period_end is not distinct from c.period_end
),

final as (
    select * from statements
)

select * from final
