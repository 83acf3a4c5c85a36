-- fact_checks_live: one row per fact with the cross-fact and provenance checks the validation suite
-- asserts. A null means "not applicable" (no full-year figure to compare with, and so on).
-- Every build that changes the warehouse stores it as the table `fact_checks` (store/load.py): it reads
-- every article's text and joins series with itself, a second or more at 100k articles, too slow to be
-- recomputed by each reader.
create or replace view fact_checks_live as
with source_facts as (
    select * from facts
),

source_articles as (
    select article_id, text, published from articles
),

source_series as (
    select * from series
),

evidence as (
    select
        f.fact_id,
        substring(a.text, f.char_start + 1, f.char_end - f.char_start) = f.evidence as evidence_matches,
        a.published
    from source_facts as f
    left join source_articles as a using (article_id)
),

-- a partial year (months) must not exceed the full year of the same pair, indicator, unit and year
full_years as (
    select indicator, country_a, country_b, unit, year, max(value) as full_value
    from source_series
    where measure = 'level' and period_kind = 'year' and per is null
    group by all
),

partial_vs_full as (
    select s.fact_id, s.value <= f.full_value * 1.001 as partial_within_full
    from source_series as s
    join full_years as f using (indicator, country_a, country_b, unit, year)
    where s.measure = 'level' and s.period_kind = 'months' and s.per is null
),

-- exports + imports of a pair agree with its turnover for the same period (within 5 %)
components as (
    select
        e.fact_id as exports_id,
        i.fact_id as imports_id,
        t.fact_id as turnover_id,
        abs(e.value + i.value - t.value) / t.value as gap
    from source_series as e
    join source_series as i
        on i.indicator = 'imports' and i.measure = 'level' and i.country_a = e.country_a
        and i.country_b = e.country_b and i.unit = e.unit
        and i.period_start = e.period_start and i.period_end = e.period_end
    join source_series as t
        on t.indicator = 'trade_turnover' and t.measure = 'level' and t.unit = e.unit
        and t.period_start = e.period_start and t.period_end = e.period_end
        and least(e.country_a, e.country_b) = t.country_a and greatest(e.country_a, e.country_b) = t.country_b
    where e.indicator = 'exports' and e.measure = 'level' and t.value > 0
),

components_by_fact as (
    select fact_id, max(gap) as components_gap
    from (
        select exports_id as fact_id, gap from components
        union all select imports_id, gap from components
        union all select turnover_id, gap from components
    )
    group by fact_id
),

-- a stated change in percent agrees with the yearly levels it relates: the median statement of each year
-- (comparing with every pair of statements would multiply the rows by the statements of both years)
year_levels as (
    select indicator, country_a, country_b, unit, year, median(value) as value
    from source_series
    where measure = 'level' and period_kind = 'year' and per is null
    group by all
),

change_vs_levels as (
    select
        c.fact_id,
        abs((cur.value / prev.value - 1) * 100 - c.value) as change_gap_points
    from source_series as c
    join year_levels as cur
        on cur.indicator = c.indicator
        and cur.country_a is not distinct from c.country_a and cur.country_b is not distinct from c.country_b
        and cur.year = c.year
    join year_levels as prev
        on prev.indicator = c.indicator and prev.unit = cur.unit
        and prev.country_a is not distinct from c.country_a and prev.country_b is not distinct from c.country_b
        and prev.year = c.year - 1 and prev.value > 0
    where c.measure = 'change_pct' and c.period_kind = 'year'
),

change_by_fact as (
    select fact_id, min(change_gap_points) as change_gap_points from change_vs_levels group by fact_id
),

final as (
    select
        f.fact_id,
        f.article,
        f.indicator,
        f.measure,
        f.value,
        f.unit,
        f.evidence,
        e.evidence_matches,
        year(f.period_start) as start_year,
        year(f.period_end) as end_year,
        case
            when f.measure = 'target' and f.period_end is not null and e.published is not null
                then f.period_end >= e.published
        end as target_not_before_article,
        p.partial_within_full,
        c.components_gap,
        g.change_gap_points,
        case when f.unit = 'count' then f.value = round(f.value) end as count_is_whole
    from source_facts as f
    left join evidence as e using (fact_id)
    left join partial_vs_full as p using (fact_id)
    left join components_by_fact as c using (fact_id)
    left join change_by_fact as g using (fact_id)
)

select * from final
